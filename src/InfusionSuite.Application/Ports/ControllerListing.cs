namespace InfusionSuite.Application.Ports;

/// <summary>
/// A controller as stored: what its last hello said, and when a session that was not voided last used its chair.
/// </summary>
/// <param name="LastHelloAt">The latest hello stored (UTC); null when none came.</param>
/// <param name="LastSessionAt">
/// The end of its latest session that was not voided, or the start of one still open (UTC); null when it has none. A chair that
/// documented care is a known chair (issue 16: it stays on the board after a restart even if its controller is never heard);
/// one whose only sessions were voided is not (issue 13: a phantom chair leaves the board).
/// </param>
/// <param name="LastHeardAt">
/// When the controller was last heard, as the writer stored it (UTC; written at most once a minute per controller, so up to a
/// minute behind); null when never stored. A controller heard an hour ago whose only hello came the day before is a known chair.
/// </param>
public sealed record ControllerListing(
    string ControllerId, string? Model, string? Firmware, DateTimeOffset? LastHelloAt, DateTimeOffset? LastSessionAt = null, DateTimeOffset? LastHeardAt = null);
