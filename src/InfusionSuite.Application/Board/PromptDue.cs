namespace InfusionSuite.Application.Board;

/// <summary>A prompt fell due on the session clock, without waiting for telemetry.</summary>
/// <param name="At">The instant the target was reached (phase start + target).</param>
/// <param name="ReadyForInfusion">For the pre-cooling prompt: the coolant is also at setpoint.</param>
public sealed record PromptDue(string SessionId, string ControllerId, DateTimeOffset At, SessionPrompt Prompt, bool ReadyForInfusion)
    : BoardNotification(SessionId, ControllerId, At);
