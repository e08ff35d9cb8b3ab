namespace InfusionSuite.Application.Outbox;

/// <summary>Whether the outbox is delivered anywhere (an EHR is configured); without it the payloads are kept for export.</summary>
public interface IOutboxDelivery
{
    bool IsConfigured { get; }

    /// <summary>What staff must know about the delivery as configured (e.g. billable charges reach no one); the words the host logs at start.</summary>
    IReadOnlyList<string> Warnings => [];
}
