using System.Globalization;
using System.Text.Json;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// Topic and payload of one PUBLISH to a controller message (CCP/1 section 3).
/// Interim JSON reading until the codec's MQTT parser lands; the topic handling stays.
/// </summary>
internal static class MqttPayloadDecoder
{
    public static MqttDecodeResult Decode(string root, MqttInboundMessage inbound, DateTimeOffset receivedAt)
    {
        if (!MqttTopic.TryParse(root, inbound.Topic, out var topic)
            || !CcpFieldRules.IsSite(topic.Site) || !CcpFieldRules.IsControllerId(topic.ControllerId.AsSpan()))
        {
            return MqttDecodeResult.Rejected("topic");
        }

        if (inbound.Payload.Length > CcpJsonWriter.MaxPayloadLength)
        {
            return MqttDecodeResult.Rejected("too_long");
        }

        try
        {
            using var json = JsonDocument.Parse(inbound.Payload);
            var body = json.RootElement;
            ControllerMessage? message = topic.Kind switch
            {
                "telemetry" => new TelemetryReceived(Telemetry(topic.ControllerId, body)) { ControllerId = topic.ControllerId, Transport = ControllerTransport.Mqtt, ReceivedAt = receivedAt },
                "event" => new ControllerEventReceived(Event(topic.ControllerId, body)) { ControllerId = topic.ControllerId, Transport = ControllerTransport.Mqtt, ReceivedAt = receivedAt },
                "status" when body.GetProperty("online").GetBoolean() => new ControllerHelloReceived(Hello(topic.ControllerId, body)) { ControllerId = topic.ControllerId, Transport = ControllerTransport.Mqtt, ReceivedAt = receivedAt },
                "status" => new ControllerPresenceChanged(false, PresenceReason.StatusOffline) { ControllerId = topic.ControllerId, Transport = ControllerTransport.Mqtt, ReceivedAt = receivedAt },
                _ => null,
            };
            return message is null
                ? MqttDecodeResult.Rejected("topic")
                : MqttDecodeResult.Accepted(message with { Site = topic.Site, Acknowledgement = inbound.Acknowledgement });
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            return MqttDecodeResult.Rejected("payload");
        }
    }

    private static uint Boot(JsonElement body) => uint.Parse(body.GetProperty("boot").GetString()!, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static DateTimeOffset Timestamp(JsonElement body) => DateTimeOffset.Parse(body.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static TelemetrySample Telemetry(string controllerId, JsonElement body)
    {
        if (!CcpWireNames.TryParseState(System.Text.Encoding.ASCII.GetBytes(body.GetProperty("state").GetString()!), out var state))
        {
            throw new FormatException("state");
        }

        var alarms = ControllerAlarms.None;
        foreach (var name in body.GetProperty("alarms").EnumerateArray())
        {
            alarms |= ControllerAlarmNames.TryParse(name.GetString(), out var bit) ? bit : throw new FormatException("alarm");
        }

        var scalp = body.TryGetProperty("scalpC", out var s) && s.ValueKind == JsonValueKind.Number ? Temperature.FromCelsius(s.GetDecimal()) : (Temperature?)null;
        return new TelemetrySample(controllerId, Boot(body), body.GetProperty("seq").GetUInt32(), Timestamp(body), state,
            Temperature.FromCelsius(body.GetProperty("coolantC").GetDecimal()), scalp, body.GetProperty("flowMlMin").GetUInt16(),
            body.GetProperty("capConnected").GetBoolean(), alarms);
    }

    private static ControllerEvent Event(string controllerId, JsonElement body)
    {
        if (!CcpWireNames.TryParseEvent(System.Text.Encoding.ASCII.GetBytes(body.GetProperty("event").GetString()!), out var kind))
        {
            throw new FormatException("event");
        }

        var detail = body.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return new ControllerEvent(controllerId, Boot(body), body.GetProperty("seq").GetUInt32(), Timestamp(body), kind, string.IsNullOrEmpty(detail) ? null : detail);
    }

    private static ControllerHello Hello(string controllerId, JsonElement body) =>
        new(controllerId, Boot(body), body.GetProperty("model").GetString()!, body.GetProperty("firmware").GetString()!, body.GetProperty("protocol").GetInt32());
}
