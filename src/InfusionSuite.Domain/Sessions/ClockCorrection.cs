namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// How a stretch of one boot's messages is put on the server's timeline: from <paramref name="FromSeq"/> (until the
/// boot's next stretch, which begins where its clock stepped) device ts + <paramref name="Offset"/> (zero for a stretch
/// within the skew threshold). Only boots whose clock was off by more than that are listed (docs/clinical-rules.md, "Clocks").
/// </summary>
public sealed record ClockCorrection(uint Boot, uint FromSeq, TimeSpan Offset);
