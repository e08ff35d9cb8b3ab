namespace InfusionSuite.Devices.Protocol;

/// <summary>CCP/1 MQTT topics: <c>{root}/{site}/{controllerId}/{telemetry|event|status}</c>.</summary>
public static class CcpTopics
{
    /// <summary>The default topic root.</summary>
    public const string DefaultRoot = "ccp/v1";

    /// <summary>The topic for one controller's messages of one kind.</summary>
    public static string Build(string site, string controllerId, CcpMessageKind kind, string root = DefaultRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!CcpFieldRules.IsSite(site))
        {
            throw new ArgumentException($"'{site}' is not a CCP/1 site (1–32 of a-z 0-9 -)", nameof(site));
        }

        if (!CcpFieldRules.IsControllerId(controllerId.AsSpan()))
        {
            throw new ArgumentException($"'{controllerId}' is not a CCP/1 controllerId (1–32 of A-Z a-z 0-9 - _)", nameof(controllerId));
        }

        return $"{root.TrimEnd('/')}/{site}/{controllerId}/{Name(kind)}";
    }

    public static string Telemetry(string site, string controllerId, string root = DefaultRoot) =>
        Build(site, controllerId, CcpMessageKind.Telemetry, root);

    public static string Event(string site, string controllerId, string root = DefaultRoot) =>
        Build(site, controllerId, CcpMessageKind.Event, root);

    public static string Status(string site, string controllerId, string root = DefaultRoot) =>
        Build(site, controllerId, CcpMessageKind.Status, root);

    /// <summary>The subscription filter for every controller of every site: <c>{root}/+/+/+</c>.</summary>
    public static string AllControllers(string root = DefaultRoot) => $"{root.TrimEnd('/')}/+/+/+";

    /// <summary>The last topic level for a kind: <c>telemetry</c>, <c>event</c>, <c>status</c>.</summary>
    public static string Name(CcpMessageKind kind) => kind switch
    {
        CcpMessageKind.Telemetry => "telemetry",
        CcpMessageKind.Event => "event",
        CcpMessageKind.Status => "status",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a CCP/1 topic kind"),
    };
}
