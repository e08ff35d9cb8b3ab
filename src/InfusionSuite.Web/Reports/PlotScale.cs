using System.Globalization;

namespace InfusionSuite.Web.Reports;

/// <summary>The geometry of the report's bar plots (SVG user units; the SVG scales to its box, so a phone gets the same plot smaller).</summary>
internal static class PlotScale
{
    public const double Width = 400;
    public const double Left = 8;
    public const double Right = 392;
    public const double RowHeight = 46;
    public const double ReferenceRow = 16;

    public static double X(double value, double max) => Left + (Math.Clamp(value, 0, max) / max * (Right - Left));

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Where a reference label stands: start, middle or end anchored so it stays inside the plot.</summary>
    public static string Anchor(double x) => x < Width * 0.2 ? "start" : x > Width * 0.8 ? "end" : "middle";
}
