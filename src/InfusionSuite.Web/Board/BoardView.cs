namespace InfusionSuite.Web.Board;

/// <summary>The chair board at an instant of the host's clock.</summary>
/// <param name="AsOf">The host's now (the clinical clock), for "minutes ago" entries.</param>
/// <param name="ShowsPatients">False for engineers: patient fields were left out by the server.</param>
/// <param name="Urgent">The urgency strip: what needs a nurse now, most urgent first (<see cref="UrgencyStrip"/>).</param>
/// <param name="SiteTimeZone">The site's IANA time zone: every time on the screens is written in it.</param>
/// <param name="Refused">Controllers refused since the start, for users who do not run sessions (engineers, admins); null otherwise or when none was.</param>
public sealed record BoardView(
    DateTimeOffset AsOf,
    bool ShowsPatients,
    bool RunsSessions,
    IReadOnlyList<ChairView> Chairs,
    IReadOnlyList<UrgentItem> Urgent,
    string SiteTimeZone,
    RefusedControllersView? Refused = null)
{
    /// <summary>
    /// True after a start until the open sessions are rebuilt from the store: the view then carries no chair and no
    /// strip (none is known to be free), and a screen says it is loading.
    /// </summary>
    public bool Loading { get; init; }
}
