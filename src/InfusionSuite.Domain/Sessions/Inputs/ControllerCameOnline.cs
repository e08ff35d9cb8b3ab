namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The session's controller is online again (server instant).</summary>
public sealed record ControllerCameOnline(DateTimeOffset ReceivedAt) : SessionInput(ReceivedAt);
