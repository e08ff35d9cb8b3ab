using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// A site's clinical settings for scalp-cooling sessions. Every number has one home here; the
/// defaults are those of docs/clinical-rules.md. The same policy replays the same record.
/// </summary>
public sealed record SessionPolicy
{
    /// <summary>The defaults documented in docs/clinical-rules.md.</summary>
    public static SessionPolicy Default { get; } = new();

    /// <summary>Shortest pre- or post-cooling target a nurse may set (default 20 min).</summary>
    public TimeSpan MinimumTarget { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Longest pre- or post-cooling target a nurse may set (default 180 min).</summary>
    public TimeSpan MaximumTarget { get; init; } = TimeSpan.FromMinutes(180);

    /// <summary>Regimen presets offered when a session starts.</summary>
    public IReadOnlyList<RegimenPreset> Presets { get; init; } = RegimenPreset.Defaults;

    /// <summary>Cooling not running for longer than this in total is an interruption deviation (default 5 min).</summary>
    public TimeSpan InterruptionThreshold { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Coolant warmer than setpoint plus this is not at temperature (default 2.0 °C).</summary>
    public Temperature SetpointTolerance { get; init; } = new(20);

    /// <summary>
    /// The coolant setpoint per controller model (the hello's model, case aside), judged against while
    /// a controller has reported none; a model not listed cannot be judged (empty by default).
    /// </summary>
    public IReadOnlyDictionary<string, Temperature> ModelSetpoints { get; init; } = new Dictionary<string, Temperature>();

    /// <summary>Device clock further than this from the server clock is flagged (default 5 s).</summary>
    public TimeSpan ClockSkewThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The furthest a controller's ts may lie from its arrival for the message to count towards the clock
    /// estimate (default 2 h): older messages (stored, replayed) never start one, however they are paced,
    /// and a controller clock further off than this is not corrected (its ts stand).
    /// </summary>
    public TimeSpan ControllerClockLimit { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Two of the controller's messages no further apart than this (default 10 s, CCP/1's offline-after;
    /// telemetry comes at least every 5 s) make one continuous record: link-offline time inside such a
    /// record (messages stored while cut off and uploaded later) is not an interruption.
    /// </summary>
    public TimeSpan DeviceRecordGap { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A controller back from a cut-off that goes silent in the middle of what looks like its upload (no live message, its
    /// stored messages not yet up to the link's return) is taken to have finished after this long (default 5 min; more than
    /// zero, at most the late-message window). Minutes, not seconds: a loaded machine's pause inside one upload must never
    /// look like its end. A live controller ends its upload at once with its next live message.
    /// </summary>
    public TimeSpan UploadQuietWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far apart the controller's and a nurse's times for the same moment may lie (default 2 min).
    /// A controller's first COOLING_START later than this after the nurse's "cap placed" is a
    /// restart, not the placement; controller messages up to this long after a nurse ended the
    /// session are still taken (a CAP_OFF often arrives after the nurse pressed "cap removed").
    /// </summary>
    public TimeSpan SameMomentWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After an abort, how long the session keeps listening for the controller's CAP_OFF (default 30 min):
    /// the performed period runs to it; without one in this window the session closes at the abort.
    /// </summary>
    public TimeSpan AbortListenWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A nurse entry dated more than this before it was entered is "documented late" (default 2 min, the same-moment window): an entry a
    /// few seconds or minutes after the event (pressing the button, choosing "1 minute ago") is documentation at
    /// the bedside, not late documentation. Both times are kept whatever the threshold.
    /// </summary>
    public TimeSpan LateEntryThreshold { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether an entry made at <paramref name="entered"/> for <paramref name="effective"/> is documented late.</summary>
    public static bool IsLate(DateTimeOffset entered, DateTimeOffset effective, TimeSpan threshold) => entered - effective > threshold;

    /// <summary>
    /// After a nurse's "cap removed", how long the session still takes the controller's COOLING_STOP and CAP_OFF
    /// (default 10 min, the warm-up a cap is left on before removal): a CAP_OFF in this window, before or after the
    /// nurse's entry, is the removal (the controller's time wins); one later is not the session's.
    /// </summary>
    public TimeSpan CapOffWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after its end a session may still take controller messages (the longest of the windows).</summary>
    public TimeSpan LateMessageWindow => new[] { AbortListenWindow, SameMomentWindow, CapOffWindow }.Max();

    /// <summary>The site's setpoint for a controller model; null when the model is unknown or not listed.</summary>
    public Temperature? ModelSetpoint(string? model)
    {
        if (model is null)
        {
            return null;
        }

        foreach (var (name, setpoint) in ModelSetpoints)
        {
            if (string.Equals(name, model, StringComparison.OrdinalIgnoreCase))
            {
                return setpoint;
            }
        }

        return null;
    }

    /// <summary>True when a target lies in the editable range.</summary>
    public bool IsTargetAllowed(TimeSpan target) => target >= MinimumTarget && target <= MaximumTarget;

    /// <summary>What is wrong with these settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MinimumTarget <= TimeSpan.Zero || MaximumTarget < MinimumTarget)
        {
            problems.Add($"{nameof(MinimumTarget)} must be positive and not above {nameof(MaximumTarget)}.");
        }

        problems.AddRange(Presets.Where(p => !IsTargetAllowed(p.Targets.PreCooling) || !IsTargetAllowed(p.Targets.PostCooling))
            .Select(p => $"{nameof(Presets)}: a preset's targets lie outside {nameof(MinimumTarget)}..{nameof(MaximumTarget)}."));
        if (InterruptionThreshold < TimeSpan.Zero || ClockSkewThreshold < TimeSpan.Zero || SameMomentWindow < TimeSpan.Zero || SetpointTolerance.Tenths < 0)
        {
            problems.Add($"{nameof(InterruptionThreshold)}, {nameof(ClockSkewThreshold)}, {nameof(SameMomentWindow)} and {nameof(SetpointTolerance)} must not be negative.");
        }

        if (AbortListenWindow < TimeSpan.Zero)
        {
            problems.Add($"{nameof(AbortListenWindow)} must not be negative.");
        }

        if (CapOffWindow < TimeSpan.Zero || CapOffWindow > TimeSpan.FromHours(2))
        {
            problems.Add($"{nameof(CapOffWindow)} must lie between 0 and 2 hours.");
        }

        if (ControllerClockLimit <= ClockSkewThreshold)
        {
            problems.Add($"{nameof(ControllerClockLimit)} must be longer than {nameof(ClockSkewThreshold)}.");
        }

        if (LateEntryThreshold < TimeSpan.Zero || LateEntryThreshold > TimeSpan.FromHours(24))
        {
            problems.Add($"{nameof(LateEntryThreshold)} must lie between 0 and 24 hours.");
        }

        if (DeviceRecordGap < TimeSpan.Zero)
        {
            problems.Add($"{nameof(DeviceRecordGap)} must not be negative.");
        }

        if (UploadQuietWait <= TimeSpan.Zero || UploadQuietWait > LateMessageWindow)
        {
            problems.Add($"{nameof(UploadQuietWait)} must be longer than zero and not longer than the late-message window ({nameof(AbortListenWindow)}, {nameof(CapOffWindow)}, {nameof(SameMomentWindow)}: the longest).");
        }

        return problems;
    }
}
