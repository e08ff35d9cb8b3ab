using InfusionSuite.Application.Ports;

namespace InfusionSuite.Web.Board;

/// <summary>
/// The controllers stored from before this start (the <c>controllers</c> table), read once: a chair heard of
/// stays on the board after a restart, offline until its controller speaks again. Chairs heard since the start
/// come from the links' presence, so the list is not read again.
/// </summary>
internal sealed class KnownChairs(ISessionDirectory directory)
{
    private readonly Lazy<Task<IReadOnlyDictionary<string, DateTimeOffset?>>> _hellos = new(async () =>
        (await directory.ControllersAsync(CancellationToken.None)).ToDictionary(c => c.ControllerId, c => c.LastHelloAt, StringComparer.Ordinal));

    /// <summary>Each stored controller with its latest hello as stored (null when none came).</summary>
    public Task<IReadOnlyDictionary<string, DateTimeOffset?>> LastHellosAsync(CancellationToken cancellationToken) => _hellos.Value.WaitAsync(cancellationToken);
}
