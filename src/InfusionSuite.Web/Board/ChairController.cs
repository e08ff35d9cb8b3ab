namespace InfusionSuite.Web.Board;

/// <summary>
/// The chair's controller as an engineer sees it (for users who do not run sessions): identity from its last
/// hello, the latest boot, when it last said hello and last sent a sample, reboots and the clock skew, and what its
/// latest sample says (state, alarms, the link it came over), with or without a session. From the session's record
/// when there is one, else from the stored controllers and the latest sample this node stored.
/// </summary>
/// <param name="Boot">The latest boot id, 8 hex digits.</param>
/// <param name="ClockSkewSeconds">The controller's clock minus the server's, whole seconds (+ fast/ahead, − slow/behind): during a session, the session's latest estimate; without one (or once it ended), how far the latest sample's time is from its arrival.</param>
/// <param name="ClockOffset">The same in words, "39 s slow" (<see cref="Domain.Sessions.ClockOffsetWords"/>), on the card's line.</param>
/// <param name="ClockOffsetInFull">The same with the signed seconds, "39 s slow (−39 s: behind the server)", on the chair's page.</param>
/// <param name="State">The controller's state in its latest sample (CCP/1 words: <c>STANDBY</c>, <c>PRECHILL</c>, <c>COOLING</c>, <c>PAUSED</c>, <c>FAULT</c>).</param>
/// <param name="Alarms">The alarms in its latest sample (CCP/1 names and words for staff).</param>
/// <param name="Link">How its latest sample arrived: <c>MQTT</c> or <c>serial</c>.</param>
public sealed record ChairController(
    string? Model,
    string? Firmware,
    string? Boot,
    DateTimeOffset? LastHelloAt,
    DateTimeOffset? LatestSampleAt,
    int? Reboots,
    long? ClockSkewSeconds,
    string? State = null,
    IReadOnlyList<AlarmView>? Alarms = null,
    string? Link = null,
    string? ClockOffset = null,
    string? ClockOffsetInFull = null);
