namespace InfusionSuite.Web.Reports;

/// <summary>
/// Where a bar plot's words go so that none collides with a line: reference labels each in a row above the bars
/// where neither another label nor another reference line crosses it, and a bar's figure beside the bar and its
/// target tick (inside the bar, before the tick, when there is no room beside it). Text widths are estimated
/// from the character count (the SVG is rendered by the browser, so nothing is measured here).
/// </summary>
internal static class PlotLayout
{
    private const double ReferenceCharWidth = 7.0;
    private const double FigureCharWidth = 7.6;
    private const double LabelCharWidth = 8.3;
    private const double Gap = 6;

    public static IReadOnlyList<PlacedReference> References(IReadOnlyList<ReferenceLine> lines, double max)
    {
        var placed = new List<(PlacedReference Reference, double From, double To)>();
        var spans = lines.Select(l => (Line: l, X: PlotScale.X(l.Value, max), Span: Span(PlotScale.X(l.Value, max), l.Label.Length * ReferenceCharWidth))).ToList();

        // A label that other lines pass under goes above them (their lines start below their own labels): fewest first.
        foreach (var (line, x, (anchor, from, to)) in spans
            .OrderBy(s => spans.Count(o => !ReferenceEquals(o.Line, s.Line) && o.X >= s.Span.From - 2 && o.X <= s.Span.To + 2))
            .ThenBy(s => s.Line.Value))
        {
            // The lowest free row; when none is (two lines closer than a label is wide), the row above all.
            var row = Enumerable.Range(0, placed.Count + 1).FirstOrDefault(r => !placed.Any(p => Collides(p, r, x, from, to)), placed.Count);
            placed.Add((new PlacedReference(line, x, row, anchor), from, to));
        }

        return [.. placed.Select(p => p.Reference)];
    }

    public static int Rows(IReadOnlyList<PlacedReference> references) => references.Count == 0 ? 0 : references.Max(r => r.Row) + 1;

    public static PlacedBar Bar(BarRow row, int index, double top, double max)
    {
        var y = top + (index * PlotScale.RowHeight);
        var width = row.Value is { } value ? Math.Max(PlotScale.X(value, max) - PlotScale.Left, 1) : 0;
        var barEnd = PlotScale.Left + width;
        double? marker = row.Marker is { } m ? PlotScale.X(m, max) : null;
        var beside = Math.Max(barEnd, (marker ?? 0) + 2) + Gap;
        var text = row.Text.Length * FigureCharWidth;
        var end = (marker is { } tick && tick < barEnd ? Math.Min(barEnd, tick - 2) : barEnd) - Gap;
        if (beside + text <= PlotScale.Width - 2)
        {
            return new PlacedBar(row, y, width, marker, beside, false);
        }

        if (end - text >= PlotScale.Left + Gap)
        {
            return new PlacedBar(row, y, width, marker, end, true);
        }

        var onLabelLine = PlotScale.Left + 4 + (row.Label.Length * LabelCharWidth) + Gap + text <= PlotScale.Right;
        return onLabelLine ? new PlacedBar(row, y, width, marker, PlotScale.Right, false, true) : new PlacedBar(row, y, width, marker, beside, false);
    }

    /// <summary>
    /// Whether a label at <paramref name="row"/> spanning [<paramref name="from"/>, <paramref name="to"/>] would meet
    /// <paramref name="other"/>: the same row overlapping, a label nearer the bars that its line would cross, or a
    /// line from a label further up that would cross it.
    /// </summary>
    private static bool Collides((PlacedReference Reference, double From, double To) other, int row, double x, double from, double to)
    {
        var (reference, otherFrom, otherTo) = other;
        return reference.Row == row
            ? from < otherTo + Gap && otherFrom < to + Gap
            : reference.Row < row
                ? x >= otherFrom - 2 && x <= otherTo + 2
                : reference.X >= from - 2 && reference.X <= to + 2;
    }

    private static (string Anchor, double From, double To) Span(double x, double width)
    {
        if (x - (width / 2) >= 2 && x + (width / 2) <= PlotScale.Width - 2)
        {
            return ("middle", x - (width / 2), x + (width / 2));
        }

        return x + width <= PlotScale.Width - 2 ? ("start", x, x + width) : ("end", x - width, x);
    }
}
