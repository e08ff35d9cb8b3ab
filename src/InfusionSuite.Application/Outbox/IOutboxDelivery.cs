namespace InfusionSuite.Application.Outbox;

/// <summary>Whether the outbox is delivered anywhere (an EHR is configured); without it the payloads are kept for export.</summary>
public interface IOutboxDelivery
{
    bool IsConfigured { get; }
}
