using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Board;

/// <summary>
/// Which chairs the board shows: a configured chair always; any other while it has an open session, its controller is online,
/// or within <see cref="NurseStationOptions.UnconfiguredChairKeptFor"/> of the last time it was known in use: its controller
/// heard (a reading since the start, a stored hello, or the stored last-heard instant), or ANY session of it not voided: one run since the start (the board keeps only the latest record
/// per chair, so <see cref="ChairSessionUse"/> remembers them all) or stored before it (unless voided since). A later voided
/// session does not hide an earlier one still within the keep time (issue 13 trial). A phantom chair — a mistyped or one-off controller whose session was voided — leaves the board (issue 13); a chair that
/// documented care stays, across restarts too, even if its controller was never heard (issue 16).
/// </summary>
internal sealed class ChairVisibility(NurseStationOptions settings, DateTimeOffset now)
{
    /// <param name="record">The chair's latest session on the board (open or ended); null when the board has none.</param>
    /// <param name="readingAt">When its latest reading since the start came; null when none.</param>
    /// <param name="stored">The controller as stored before this start; null when not stored.</param>
    /// <param name="use">How the sessions since the start used the chair (every one, not only <paramref name="record"/>); null when none.</param>
    public bool Shows(string controllerId, ScalpCoolingSessionRecord? record, bool online, DateTimeOffset? readingAt, ControllerListing? stored, ChairSessionUse? use = null)
    {
        if (settings.Chairs.ContainsKey(controllerId) || (record is not null && !record.Status.IsEnded()) || online)
        {
            return true;
        }

        // Any session not voided: the latest of those since the start and of those stored before it (not one voided since).
        var since = use ?? ChairSessionUse.None;
        var sessionAt = Latest(
            Latest(since.LastUsedAt, record is null || record.Status == SessionStatus.Voided ? null : record.AsOf),
            stored?.LastSessionAt is { } storedAt && !since.VoidedSince(storedAt) ? storedAt : null);
        return Latest(Latest(readingAt, Latest(stored?.LastHelloAt, stored?.LastHeardAt)), sessionAt) is { } known && now - known <= settings.UnconfiguredChairKeptFor;
    }

    /// <summary>The later of two instants (either may be unknown).</summary>
    public static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
