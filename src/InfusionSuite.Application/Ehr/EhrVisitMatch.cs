namespace InfusionSuite.Application.Ehr;

/// <summary>An open visit (Encounter) of a patient at the EHR: the literal reference, its visit number when it has one, status, start and kind.</summary>
/// <param name="Reference"><c>Encounter/{id}</c> at the EHR.</param>
/// <param name="VisitNumber">Its identifier in the site's visit-number system, when it has one: what a start records (HL7 PV1-19 takes it).</param>
/// <param name="Status">The Encounter's status (<c>InProgress</c>, <c>Arrived</c>, <c>Planned</c>, <c>Triaged</c> or <c>Onleave</c>).</param>
/// <param name="Kind">The Encounter's type or class in words (e.g. "Infusion visit"), when given.</param>
public sealed record EhrVisitMatch(string Reference, string? VisitNumber, string Status, DateTimeOffset? Start, string? Kind);
