namespace InfusionSuite.Web.Reports;

/// <summary>A vertical reference line across a plot, at <paramref name="Value"/> on its scale.</summary>
public sealed record ReferenceLine(double Value, string Label);
