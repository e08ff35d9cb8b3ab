namespace InfusionSuite.Fhir.Outbox;

/// <summary>What an outbox item carries.</summary>
public enum FhirOutboxItemKind : byte
{
    /// <summary>An ended session (completed or stopped): conditional creates.</summary>
    Session,

    /// <summary>A voided session: its resources updated to entered-in-error.</summary>
    Void,
}
