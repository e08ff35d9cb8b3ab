namespace InfusionSuite.Domain.Sessions;

/// <summary>The result of applying one input: a value, so that the per-sample path does not allocate.</summary>
public readonly record struct InputOutcome(InputDisposition Disposition, RefusalReason Reason)
{
    public static InputOutcome Accepted => new(InputDisposition.Accepted, RefusalReason.None);

    public static InputOutcome Duplicate => new(InputDisposition.Duplicate, RefusalReason.None);

    public bool IsAccepted => Disposition == InputDisposition.Accepted;

    /// <summary>Words for staff (no patient data).</summary>
    public string Text => Disposition == InputDisposition.Duplicate ? "Already received." : RefusalTexts.For(Reason);

    public static InputOutcome Refused(RefusalReason reason) => new(InputDisposition.Refused, reason);
}
