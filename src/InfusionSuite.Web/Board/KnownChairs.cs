using InfusionSuite.Application.Ports;

namespace InfusionSuite.Web.Board;

/// <summary>
/// The controllers stored from before this start (the <c>controllers</c> table), read once: a chair heard of, or used by a
/// session that was not voided, stays on the board after a restart, offline until its controller speaks again (issue 16).
/// Chairs heard and sessions run since the start come from the links' presence and the board's rows, so the list is not read again.
/// </summary>
internal sealed class KnownChairs(ISessionDirectory directory)
{
    private readonly Lock _gate = new();
    private Task<IReadOnlyDictionary<string, ControllerListing>>? _stored;

    /// <summary>
    /// Each stored controller: its latest hello and the latest session on its chair that was not voided, as stored at the first
    /// read that succeeded (a read that met the database away is tried again at the next board read).
    /// </summary>
    public Task<IReadOnlyDictionary<string, ControllerListing>> StoredAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stored is null || _stored.IsFaulted || _stored.IsCanceled)
            {
                _stored = ReadAsync();
            }

            return _stored.WaitAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyDictionary<string, ControllerListing>> ReadAsync() =>
        (await directory.ControllersAsync(CancellationToken.None)).ToDictionary(c => c.ControllerId, StringComparer.Ordinal);
}
