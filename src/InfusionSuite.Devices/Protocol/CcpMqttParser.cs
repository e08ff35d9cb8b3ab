using System.Buffers;
using InfusionSuite.Application.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Parses CCP/1 MQTT messages: the topic <c>{root}/{site}/{controllerId}/{telemetry|event|status}</c>
/// and the JSON payload, read from its <see cref="ReadOnlySequence{T}"/> without making a string.
/// Counts each outcome on <see cref="CcpMetrics"/> (transport <c>mqtt</c>). One per link.
/// </summary>
public sealed class CcpMqttParser(string root = CcpTopics.DefaultRoot, CcpMetrics? metrics = null)
{
    private readonly string _root = root.TrimEnd('/');
    private readonly ControllerIdCache _sites = new();
    private readonly ControllerIdCache _ids = new();

    public CcpRejection Parse(string topic, in ReadOnlySequence<byte> payload, out CcpMqttMessage message)
    {
        message = default;
        var result = ParseTopic(topic, out var kind, out var site, out var controllerId);
        if (result == CcpRejection.None)
        {
            result = CcpJsonPayload.Parse(payload, kind, controllerId, out message);
            message = message with { Site = site, ControllerId = controllerId };
        }

        metrics?.Count(CcpTransport.Mqtt, result);
        return result;
    }

    /// <summary>Splits and checks a topic; the strings come from small caches (no allocation once seen).</summary>
    public CcpRejection ParseTopic(string topic, out CcpMessageKind kind, out string site, out string controllerId)
    {
        ArgumentNullException.ThrowIfNull(topic);
        kind = default;
        site = controllerId = string.Empty;
        var rest = topic.AsSpan();
        if (!rest.StartsWith(_root, StringComparison.Ordinal) || rest.Length <= _root.Length || rest[_root.Length] != '/')
        {
            return CcpRejection.BadTopic;
        }

        rest = rest[(_root.Length + 1)..];
        var slash = rest.IndexOf('/');
        var siteText = slash < 0 ? [] : rest[..slash];
        rest = slash < 0 ? [] : rest[(slash + 1)..];
        slash = rest.IndexOf('/');
        var idText = slash < 0 ? [] : rest[..slash];
        var kindText = slash < 0 ? [] : rest[(slash + 1)..];
        if (!CcpFieldRules.IsSite(siteText) || !CcpFieldRules.IsControllerId(idText) || kindText.Contains('/'))
        {
            return CcpRejection.BadTopic;
        }

        switch (kindText)
        {
            case "telemetry":
                kind = CcpMessageKind.Telemetry;
                break;
            case "event":
                kind = CcpMessageKind.Event;
                break;
            case "status":
                kind = CcpMessageKind.Status;
                break;
            default:
                return CcpRejection.UnknownType;
        }

        site = _sites.Get(siteText);
        controllerId = _ids.Get(idText);
        return CcpRejection.None;
    }
}
