using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Configuration;

/// <summary>
/// The site's session policy (<c>Sessions:…</c>); unset values keep the domain's defaults
/// (<see cref="SessionPolicy.Default"/>, which the properties start with).
/// Checked at start with <see cref="SessionPolicy.Problems"/>.
/// </summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Shortest pre- or post-cooling target a nurse may set.</summary>
    public TimeSpan? MinimumTarget { get; set; } = SessionPolicy.Default.MinimumTarget;

    /// <summary>Longest pre- or post-cooling target a nurse may set.</summary>
    public TimeSpan? MaximumTarget { get; set; } = SessionPolicy.Default.MaximumTarget;

    /// <summary>Replaces the default presets when any are given.</summary>
    public List<RegimenPresetOptions> Presets { get; set; } = [];

    /// <summary>Cooling not running for longer than this in total makes an interruption deviation.</summary>
    public TimeSpan? InterruptionThreshold { get; set; } = SessionPolicy.Default.InterruptionThreshold;

    /// <summary>°C above the setpoint still counted as at temperature (one decimal).</summary>
    public decimal? SetpointToleranceC { get; set; } = SessionPolicy.Default.SetpointTolerance.Celsius;

    /// <summary>
    /// The coolant setpoint (°C, one decimal) per controller model, as the controller's hello names the
    /// model (<c>Sessions:ModelSetpointsC:SIM-1 = -5.0</c>): judged against while a controller has
    /// reported none. A controller with neither cannot be judged, and the board says so.
    /// </summary>
    public Dictionary<string, decimal> ModelSetpointsC { get; set; } = [];

    /// <summary>A controller clock further than this from the server clock is flagged.</summary>
    public TimeSpan? ClockSkewThreshold { get; set; } = SessionPolicy.Default.ClockSkewThreshold;

    /// <summary>The furthest a controller's ts may lie from its arrival for the message to count towards the clock estimate: older messages (stored, replayed) never start one, and a clock further off is not corrected.</summary>
    public TimeSpan? ControllerClockLimit { get; set; } = SessionPolicy.Default.ControllerClockLimit;

    /// <summary>How far apart the controller's and a nurse's times for the same moment may lie: a first COOLING_START later than this after "cap placed" is a restart, and controller messages up to this long after the nurse ended the session are still taken.</summary>
    public TimeSpan? SameMomentWindow { get; set; } = SessionPolicy.Default.SameMomentWindow;

    /// <summary>After an abort, how long the session keeps listening for the controller's CAP_OFF (the performed period runs to it).</summary>
    public TimeSpan? AbortListenWindow { get; set; } = SessionPolicy.Default.AbortListenWindow;

    /// <summary>Two of a controller's messages no further apart than this make one continuous record: link-offline time inside it (messages stored while cut off and uploaded later) is not an interruption.</summary>
    public TimeSpan? DeviceRecordGap { get; set; } = SessionPolicy.Default.DeviceRecordGap;

    /// <summary>How long a controller back from a cut-off may stay silent in its upload before the upload counts as over (more than zero, at most the late-message window).</summary>
    public TimeSpan? UploadQuietWait { get; set; } = SessionPolicy.Default.UploadQuietWait;

    /// <summary>After a nurse's "cap removed", how long the session still takes the controller's COOLING_STOP and CAP_OFF (0 to 2 h): a CAP_OFF in this window is the removal, and its distance from the nurse's time is recorded when over the same-moment window.</summary>
    public TimeSpan? CapOffWindow { get; set; } = SessionPolicy.Default.CapOffWindow;

    /// <summary>A nurse entry dated more than this before it was entered is shown as "documented late" (0 to 24 h); both times are always kept.</summary>
    public TimeSpan? LateEntryThreshold { get; set; } = SessionPolicy.Default.LateEntryThreshold;

    public SessionPolicy ToPolicy()
    {
        var defaults = SessionPolicy.Default;
        return new SessionPolicy
        {
            MinimumTarget = MinimumTarget ?? defaults.MinimumTarget,
            MaximumTarget = MaximumTarget ?? defaults.MaximumTarget,
            Presets = Presets.Count == 0
                ? defaults.Presets
                : [.. Presets.Select(p => new RegimenPreset(p.Name, RegimenTargets.FromMinutes(p.PreCoolingMinutes, p.PostCoolingMinutes)))],
            InterruptionThreshold = InterruptionThreshold ?? defaults.InterruptionThreshold,
            SetpointTolerance = SetpointToleranceC is { } c ? Temperature.FromCelsius(c) : defaults.SetpointTolerance,
            ModelSetpoints = ModelSetpointsC.Count == 0
                ? defaults.ModelSetpoints
                : ModelSetpointsC.ToDictionary(m => m.Key, m => Temperature.FromCelsius(m.Value), StringComparer.OrdinalIgnoreCase),
            ClockSkewThreshold = ClockSkewThreshold ?? defaults.ClockSkewThreshold,
            ControllerClockLimit = ControllerClockLimit ?? defaults.ControllerClockLimit,
            SameMomentWindow = SameMomentWindow ?? defaults.SameMomentWindow,
            AbortListenWindow = AbortListenWindow ?? defaults.AbortListenWindow,
            DeviceRecordGap = DeviceRecordGap ?? defaults.DeviceRecordGap,
            UploadQuietWait = UploadQuietWait ?? defaults.UploadQuietWait,
            LateEntryThreshold = LateEntryThreshold ?? defaults.LateEntryThreshold,
            CapOffWindow = CapOffWindow ?? defaults.CapOffWindow,
        };
    }
}
