using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// One non-sample input to store: a nurse action, controller event, hello or liveness change.
/// Controller events without an open session are kept too (<see cref="SessionId"/> null).
/// </summary>
/// <param name="ControllerId">The controller it came from or concerns; null only for nurse actions before routing.</param>
public sealed record StoredInput(long IngestSeq, string? SessionId, string? ControllerId, SessionInput Input);
