namespace InfusionSuite.Web.Board;

/// <summary>The chair board at an instant of the host's clock.</summary>
/// <param name="AsOf">The host's now (the clinical clock), for "minutes ago" entries.</param>
/// <param name="ShowsPatients">False for engineers: patient fields were left out by the server.</param>
public sealed record BoardView(DateTimeOffset AsOf, bool ShowsPatients, bool RunsSessions, IReadOnlyList<ChairView> Chairs);
