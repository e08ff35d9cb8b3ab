namespace InfusionSuite.Application.Ingest;

/// <summary>A controller id whose messages were refused: not configured, not stored before, and over the auto-registration limit.</summary>
/// <param name="Messages">Messages refused from it since the start.</param>
/// <param name="LastAt">When the latest one arrived (server clock).</param>
public sealed record RefusedController(string ControllerId, long Messages, DateTimeOffset LastAt);
