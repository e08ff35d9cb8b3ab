namespace InfusionSuite.Hl7.Messages;

/// <summary>One encoded message, ready to send (and to resend unchanged, with the same control id).</summary>
/// <param name="MessageType">ORU^R01 or DFT^P03.</param>
/// <param name="Posting">The charge or credit a DFT^P03 carries; null for an ORU^R01.</param>
public sealed record Hl7OutgoingMessage(string ControlId, string MessageType, string Text, ChargePosting? Posting = null);
