namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// Identity of a CCP/1 telemetry or event message: kept at most once. A repeated or older seq
/// within the same boot is a duplicate; a new boot starts a new sequence.
/// </summary>
public readonly record struct MessageKey(string ControllerId, uint Boot, uint Seq);
