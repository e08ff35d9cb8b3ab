namespace InfusionSuite.Web.Board;

/// <summary>One chair on the board as sent to a screen. Patient fields are null for users who may not see patients.</summary>
/// <param name="RemainingSeconds">Pre- or post-cooling time still to go (0 once reached); null in other phases.</param>
/// <param name="OvertimeSeconds">How long past the pre- or post-cooling target the phase has run; null before the target or in other phases.</param>
/// <param name="Alarms">Active alarms, each as its CCP/1 name and words for staff; <see cref="AlarmView.ControllerOffline"/> when the controller went silent during the session.</param>
/// <param name="Actions">The steps a nurse can take now (the domain's answer, as action names: <c>cap-placed</c>, …, <c>abort</c>); empty for users who do not run sessions.</param>
/// <param name="ClockWarning">The controller's clock is off or stepped (the domain's words); null when it is within the threshold.</param>
/// <param name="ClockShort">The same in a few words for small cards (<see cref="ClockNote"/>); null with <paramref name="ClockWarning"/>.</param>
/// <param name="Controller">The controller's details for engineers and admins (users who do not run sessions); null for nurses.</param>
/// <param name="SetpointUnknown">A running session whose coolant cannot be judged: the controller reported no setpoint and its model has none in settings.</param>
/// <param name="NotCooling">The session is in pre-cooling, infusion or post-cooling and the controller says it is not cooling (pre-cooling time does not count meanwhile).</param>
/// <param name="LinkInHandover">Who hears the controller is changing hands (a site's new owner, or its owner back from a database outage, has not heard it yet): neither online nor offline, and no alarm; at most 12 s.</param>
/// <param name="CoolingWithoutSession">The controller, online, says it is cooling a cap while its chair has no running session (none, or it ended): start one or stop the controller.</param>
/// <param name="DocumentationActions">What a nurse can document now (<c>tolerance</c>, <c>adverse-events</c>, <c>void</c>); the session page offers these too.</param>
public sealed record ChairView(
    string ControllerId,
    string Label,
    bool Online,
    string? SessionId,
    PatientView? Patient,
    string? Status,
    string? Phase,
    long? PhaseElapsedSeconds,
    long? PhaseTargetSeconds,
    long? RemainingSeconds,
    long? OvertimeSeconds,
    decimal? CoolantC,
    decimal? ScalpC,
    decimal? SetpointC,
    bool? CoolantAtSetpoint,
    IReadOnlyList<AlarmView> Alarms,
    bool ReadyForInfusion,
    bool PreCoolingTargetReached,
    bool RemoveCap,
    bool SessionEnded,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> DocumentationActions,
    string? ClockWarning = null,
    ChairController? Controller = null,
    bool SetpointUnknown = false,
    bool NotCooling = false,
    string? ClockShort = null,
    bool CoolingWithoutSession = false,
    bool LinkInHandover = false);
