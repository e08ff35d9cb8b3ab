namespace InfusionSuite.Domain.Courses;

/// <summary>A published success rate drawn as a reference line beside the suite's own.</summary>
/// <param name="Label">What it is, e.g. "SCALP trial (all regimens)".</param>
/// <param name="Percent">The figure, in percent.</param>
/// <param name="Bound">"=" for a point figure, "&gt;" or "&lt;" when the source gives a bound.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record ReferenceFigure(string Label, double Percent, string Bound, string Source)
{
    /// <summary>The figures issue 17 names (shared/spec clinical-rules and the "Why").</summary>
    public static IReadOnlyList<ReferenceFigure> Published { get; } =
    [
        new("SCALP trial, all regimens", 50.5, "=", "Nangia J et al., JAMA 2017;317(6):596–605 (hair preserved 50.5 % vs 0 % without cooling)"),
        new("Dutch registry, taxanes alone", 80, ">", "van den Hurk CJ et al., Acta Oncol 2012;51(4):497–504 (Dutch Scalp Cooling Registry)"),
        new("Some anthracycline combinations", 10, "<", "van den Hurk CJ et al., Acta Oncol 2012 (e.g. TAC: under 10 %)"),
    ];
}
