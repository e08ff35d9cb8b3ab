namespace InfusionSuite.Web.Reports;

/// <summary>A reference line where the plot draws it: its x, the label's row above the bars (0: nearest) and anchor.</summary>
internal sealed record PlacedReference(ReferenceLine Line, double X, int Row, string Anchor);
