namespace InfusionSuite.Web.Courses;

/// <summary>One outcome item sent (or waiting) to the EHR: FHIR or HL7 v2, its status, when queued and when sent.</summary>
public sealed record OutcomeDeliveryView(string Channel, string Status, DateTimeOffset EnqueuedAt, DateTimeOffset? SentAt, string? ParkedReason);
