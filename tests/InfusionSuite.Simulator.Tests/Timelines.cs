using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Tests;

/// <summary>Timelines of built-in scenarios, generated once per scenario and seed for the whole test run.</summary>
internal static class Timelines
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<(string, int), IReadOnlyList<TimelineItem>> s_cache = [];

    public static IReadOnlyList<TimelineItem> Of(string scenario, int seed = 1)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue((scenario, seed), out var items))
            {
                Assert.True(BuiltInScenarios.TryGet(scenario, out var found), scenario);
                items = [.. ControllerTimeline.Generate(found, SimulatedChair.Numbered(0), seed, Start)];
                s_cache[(scenario, seed)] = items;
            }

            return items;
        }
    }

    public static IReadOnlyList<TimelineItem> Of(Scenario scenario, int seed = 1) =>
        [.. ControllerTimeline.Generate(scenario, SimulatedChair.Numbered(0), seed, Start)];

    public static IEnumerable<TelemetrySample> Samples(this IEnumerable<TimelineItem> items) =>
        items.OfType<TelemetryItem>().Select(t => t.Sample);

    public static IEnumerable<ControllerEvent> Events(this IEnumerable<TimelineItem> items) =>
        items.OfType<EventItem>().Select(e => e.Event);

    /// <summary>Events and markers as short names in delivery order: <c>CoolingStart</c>, <c>marker:InfusionStarted</c>, <c>hello:PowerOn</c>, <c>offline:Disconnect</c>.</summary>
    public static IReadOnlyList<string> Story(this IEnumerable<TimelineItem> items) =>
        [.. items.Select(item => item switch
        {
            EventItem e => e.Event.Kind.ToString(),
            NurseMarkerItem m => "marker:" + m.Marker.Kind,
            HelloItem { Reason: not HelloReason.Periodic } h => "hello:" + h.Reason,
            OfflineItem o => "offline:" + o.Reason,
            _ => null,
        }).OfType<string>()];

    public static DateTimeOffset WhenMarker(this IEnumerable<TimelineItem> items, NurseMarkerKind kind) =>
        items.OfType<NurseMarkerItem>().Single(m => m.Marker.Kind == kind).At;

    public static DateTimeOffset WhenEvent(this IEnumerable<TimelineItem> items, ControllerEventKind kind) =>
        items.Events().First(e => e.Kind == kind).Timestamp;
}
