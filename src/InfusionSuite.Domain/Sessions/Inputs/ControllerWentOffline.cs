namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>The session's controller went offline (server instant; CCP/1 liveness).</summary>
public sealed record ControllerWentOffline(DateTimeOffset ReceivedAt) : SessionInput(ReceivedAt);
