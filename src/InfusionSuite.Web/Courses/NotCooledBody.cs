namespace InfusionSuite.Web.Courses;

/// <summary>"Chemotherapy given, not cooled". <paramref name="Reason"/>: PatientDeclined, NoChairOrDevice, Other (then <paramref name="ReasonText"/>).</summary>
public sealed record NotCooledBody(string? Reason, string? ReasonText, DateTimeOffset? GivenAt, string? EntryId);
