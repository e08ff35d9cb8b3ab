namespace InfusionSuite.Web.Reports;

/// <summary>A published success rate shown as a reference line.</summary>
public sealed record ReferenceView(string Label, double Percent, string Bound, string Source);
