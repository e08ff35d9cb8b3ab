using InfusionSuite.Devices.Links;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>A decoded MQTT message, or the reason it was discarded.</summary>
internal readonly record struct MqttDecodeResult(ControllerMessage? Message, string RejectReason)
{
    public static MqttDecodeResult Accepted(ControllerMessage message) => new(message, string.Empty);

    public static MqttDecodeResult Rejected(string reason) => new(null, reason);
}
