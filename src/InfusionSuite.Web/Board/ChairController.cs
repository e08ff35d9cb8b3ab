namespace InfusionSuite.Web.Board;

/// <summary>
/// The chair's controller as an engineer sees it (for users who do not run sessions): identity from its last
/// hello, the latest boot, when it last said hello and last sent a sample, reboots and the largest clock skew
/// during the current session. From the session's record when there is one, else from the stored controllers.
/// </summary>
/// <param name="Boot">The latest boot id, 8 hex digits.</param>
public sealed record ChairController(
    string? Model,
    string? Firmware,
    string? Boot,
    DateTimeOffset? LastHelloAt,
    DateTimeOffset? LatestSampleAt,
    int? Reboots,
    long? ClockSkewSeconds);
