using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Board;

/// <summary>
/// Which chairs the board shows: a configured chair always; any other while it has an open session, its controller is online,
/// or within <see cref="NurseStationOptions.UnconfiguredChairKeptFor"/> of the last time it was known in use: its controller
/// heard (a reading, or a hello), or its latest session not voided (the board's record of it, else as stored before a restart).
/// A phantom chair — a mistyped or one-off controller whose session was voided — leaves the board (issue 13); a chair that
/// documented care stays, across restarts too, even if its controller was never heard (issue 16).
/// </summary>
internal sealed class ChairVisibility(NurseStationOptions settings, DateTimeOffset now)
{
    /// <param name="record">The chair's latest session on the board (open or ended); null when the board has none.</param>
    /// <param name="readingAt">When its latest reading since the start came; null when none.</param>
    /// <param name="stored">The controller as stored before this start; null when not stored.</param>
    public bool Shows(string controllerId, ScalpCoolingSessionRecord? record, bool online, DateTimeOffset? readingAt, ControllerListing? stored)
    {
        if (settings.Chairs.ContainsKey(controllerId) || (record is not null && !record.Status.IsEnded()) || online)
        {
            return true;
        }

        // The board's record is the chair's latest session: it answers for sessions; the stored one only when the board has none.
        var sessionAt = record is null ? stored?.LastSessionAt : record.Status == SessionStatus.Voided ? null : record.AsOf;
        return Latest(Latest(readingAt, stored?.LastHelloAt), sessionAt) is { } known && now - known <= settings.UnconfiguredChairKeptFor;
    }

    /// <summary>The later of two instants (either may be unknown).</summary>
    public static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
