namespace InfusionSuite.Domain.Sessions;

/// <summary>The initial measurement and calibration of the cap (CCP/1 CALIBRATED): evidence for 0662T.</summary>
public sealed record CapCalibration(DateTimeOffset At, CapSize Size);
