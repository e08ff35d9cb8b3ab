namespace InfusionSuite.Hl7.Messages;

/// <summary>A charge (FT1-6 CG) or a credit (CD) of an earlier charge, one DFT^P03 each.</summary>
public sealed record ChargePosting(ChargeLine Line, bool Credit)
{
    public string TransactionType => Credit ? "CD" : "CG";
}
