namespace InfusionSuite.Web.Reports;

/// <summary>One bar of a plot: its label, value (null: no bar), the words beside it, and an optional target tick.</summary>
public sealed record BarRow(string Label, double? Value, string Text, double? Marker = null);
