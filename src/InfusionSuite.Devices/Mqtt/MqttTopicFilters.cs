namespace InfusionSuite.Devices.Mqtt;

/// <summary>The CCP/1 subscriptions: <c>{root}/{site or +}/+/telemetry|event|status</c>.</summary>
internal static class MqttTopicFilters
{
    public static IReadOnlyList<string> For(MqttLinkOptions options)
    {
        var prefix = $"{options.Root.TrimEnd('/')}/{options.Site ?? "+"}/+/";
        return [prefix + "telemetry", prefix + "event", prefix + "status"];
    }
}
