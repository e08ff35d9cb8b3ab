namespace InfusionSuite.Web.Board;

/// <summary>
/// The chair's controller as an engineer sees it (for users who do not run sessions): identity from its last
/// hello, the latest boot, when it last said hello and last sent a sample, reboots and the clock skew, and what its
/// latest sample says (state, alarms, the link it came over), with or without a session. From the session's record
/// when there is one, else from the stored controllers and the latest sample this node stored.
/// </summary>
/// <param name="Boot">The latest boot id, 8 hex digits.</param>
/// <param name="ClockSkewSeconds">During a session, the largest skew of the controller's clock in it; without one, how far the latest sample's time is from its arrival (whole seconds, + ahead, − behind).</param>
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
    string? Link = null);
