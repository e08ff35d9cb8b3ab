namespace InfusionSuite.Hl7.Messages;

/// <summary>One charge as posted by a DFT^P03 (what a later credit reverses).</summary>
/// <param name="Units">FT1-10: the decision's units (97009: one per 30 min of post-infusion cooling; other codes 1).</param>
/// <param name="TransactionId">FT1-2 of the charge.</param>
/// <param name="Display">FT1-7.2: the code's display from the code set in force (a credit repeats the charge's); null sends the code.</param>
/// <param name="ChargeMasterNumber">FT1-7.4: the site's charge-master (CDM) number for the code (a credit repeats the charge's); null for none.</param>
public sealed record ChargeLine(string Code, DateOnly DateOfService, int Units, string TransactionId, string? Display = null, string? ChargeMasterNumber = null)
{
    /// <summary>The same charge: code, date of service and units (what a credit must match to reverse it).</summary>
    public bool SameCharge(ChargeLine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Code == other.Code && DateOfService == other.DateOfService && Units == other.Units;
    }
}
