namespace InfusionSuite.Fhir.Outbox;

/// <summary>Which outbox items staff want to see, newest first.</summary>
public sealed record FhirOutboxQuery(FhirOutboxStatus? Status = null, string? SessionId = null, int Limit = 100);
