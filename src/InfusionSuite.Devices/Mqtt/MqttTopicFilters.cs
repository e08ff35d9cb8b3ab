namespace InfusionSuite.Devices.Mqtt;

/// <summary>The CCP/1 subscriptions: <c>{root}/{site or +}/+/telemetry|event|status</c>, for each of the link's sites.</summary>
internal static class MqttTopicFilters
{
    public static IReadOnlyList<string> For(MqttLinkOptions options)
    {
        IEnumerable<string> sites = options.Sites.Count > 0 ? options.Sites : [options.Site ?? "+"];
        return [.. sites.Select(site => $"{options.Root.TrimEnd('/')}/{site}/+/")
            .SelectMany(prefix => new[] { prefix + "telemetry", prefix + "event", prefix + "status" })];
    }
}
