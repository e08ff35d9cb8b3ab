namespace InfusionSuite.Hl7.Messages;

/// <summary>One charge as posted by a DFT^P03 (what a later credit reverses).</summary>
/// <param name="TransactionId">FT1-2 of the charge.</param>
public sealed record ChargeLine(string Code, DateOnly DateOfService, int Units, string TransactionId);
