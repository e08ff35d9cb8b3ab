using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Application.Ports;

/// <summary>The answer to a nurse action another node sent (<paramref name="CommandId"/>), stored with the action's commit.</summary>
public sealed record RelayedAnswer(long CommandId, RelayedNurseAnswer Answer);
