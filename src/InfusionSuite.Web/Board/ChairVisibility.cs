using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Board;

/// <summary>
/// Which chairs the board shows: a configured chair always; any other only while it has an open session or its controller was
/// heard within <see cref="NurseStationOptions.UnconfiguredChairKeptFor"/> (online now, or its latest reading or hello). A
/// phantom chair — a mistyped or one-off controller whose session was voided or ended — leaves the board.
/// </summary>
internal sealed class ChairVisibility(NurseStationOptions settings, DateTimeOffset now)
{
    public bool Shows(string controllerId, ScalpCoolingSessionRecord? record, bool online, DateTimeOffset? lastHeardAt) =>
        settings.Chairs.ContainsKey(controllerId)
        || (record is not null && !record.Status.IsEnded())
        || online
        || (lastHeardAt is { } heard && now - heard <= settings.UnconfiguredChairKeptFor);

    /// <summary>The later of two instants the controller was heard (either may be unknown).</summary>
    public static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
