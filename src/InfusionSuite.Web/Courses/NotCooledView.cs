namespace InfusionSuite.Web.Courses;

/// <summary>Chemotherapy given without cooling, as documented (by: the nurse's display name).</summary>
public sealed record NotCooledView(string Id, DateTimeOffset GivenAt, string Reason, string? ReasonText, string By, DateTimeOffset EnteredAt);
