namespace InfusionSuite.Web.Board;

/// <summary>
/// What needs a nurse now, most urgent first: alarms (a controller offline during a session is one), then a
/// session whose controller is not cooling while it should (the cap is on and cooling time is lost), then a
/// controller cooling with no session on its chair (start one or stop it), then "ready for infusion", then "remove
/// cap", then the chairs gone offline (one item naming them all); within a kind, by chair label. Short words: the cards say the whole sentence.
/// </summary>
internal static class UrgencyStrip
{
    public const string Alarm = "alarm";
    public const string NotCooling = "not-cooling";
    public const string CoolingWithoutSession = "cooling-no-session";
    public const string Ready = "ready";
    public const string RemoveCap = "remove-cap";
    public const string Offline = "offline";

    /// <param name="heardSinceStart">Controllers the links heard since the start: only these are "gone" offline.</param>
    public static List<UrgentItem> Of(IReadOnlyList<ChairView> chairs, IReadOnlySet<string> heardSinceStart)
    {
        var items = new List<(int Rank, UrgentItem Item)>();
        foreach (var chair in chairs)
        {
            items.AddRange(chair.Alarms.Select(alarm => (0, Item(chair, Alarm, alarm.Code == AlarmView.ControllerOffline ? "Controller offline" : alarm.Text))));
            if (chair.NotCooling)
            {
                items.Add((1, Item(chair, NotCooling, "Not cooling")));
            }

            if (chair.CoolingWithoutSession)
            {
                items.Add((2, Item(chair, CoolingWithoutSession, "Cooling, no session")));
            }

            if (chair.ReadyForInfusion)
            {
                items.Add((3, Item(chair, Ready, "Ready for infusion")));
            }

            if (chair.RemoveCap)
            {
                items.Add((4, Item(chair, RemoveCap, "Remove cap")));
            }
        }

        var gone = chairs
            .Where(c => !c.Online && !c.LinkInHandover && heardSinceStart.Contains(c.ControllerId) && c.Alarms.All(a => a.Code != AlarmView.ControllerOffline))
            .OrderBy(c => c.Label, BoardReader.LabelOrder)
            .ToList();
        List<UrgentItem> strip = [.. items.OrderBy(i => i.Rank).ThenBy(i => i.Item.Label, BoardReader.LabelOrder).Select(i => i.Item)];
        if (gone.Count > 0)
        {
            strip.Add(new UrgentItem(
                gone[0].ControllerId,
                gone.Count == 1 ? gone[0].Label : string.Join(", ", gone.Select(c => c.Label)),
                Offline,
                gone.Count == 1 ? "Controller offline" : "Controllers offline",
                [.. gone.Select(c => c.ControllerId)]));
        }

        return strip;
    }

    private static UrgentItem Item(ChairView chair, string kind, string text) => new(chair.ControllerId, chair.Label, kind, text, [chair.ControllerId]);
}
