namespace InfusionSuite.Web.Reports;

/// <summary>
/// A bar where the plot draws it: its row's top, the bar's width, the target tick's x, and where its figure stands:
/// beside the bar (start-anchored at <paramref name="TextX"/>), inside it (white, end-anchored), or, when it fits
/// neither, on the label's line at the plot's right edge (end-anchored).
/// </summary>
internal sealed record PlacedBar(BarRow Row, double Y, double BarWidth, double? MarkerX, double TextX, bool TextInside, bool TextOnLabelLine = false)
{
    public double TextY => TextOnLabelLine ? Y + 15 : Y + 33;

    public string TextAnchor => TextInside || TextOnLabelLine ? "end" : "start";
}
