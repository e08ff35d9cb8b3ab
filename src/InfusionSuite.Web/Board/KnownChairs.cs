using InfusionSuite.Application.Ports;

namespace InfusionSuite.Web.Board;

/// <summary>
/// The controllers stored from before this start (the <c>controllers</c> table), read once: a chair heard of
/// stays on the board after a restart, offline until its controller speaks again. Chairs heard since the start
/// come from the links' presence, so the list is not read again.
/// </summary>
internal sealed class KnownChairs(ISessionDirectory directory)
{
    private readonly Lazy<Task<IReadOnlyList<string>>> _ids = new(async () =>
        [.. (await directory.ControllersAsync(CancellationToken.None)).Select(c => c.ControllerId)]);

    public Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken) => _ids.Value.WaitAsync(cancellationToken);
}
