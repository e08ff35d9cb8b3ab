namespace InfusionSuite.Devices.Mqtt;

/// <summary>What a CONNACK said.</summary>
/// <param name="Reason">The broker's result code as text, for the log.</param>
internal readonly record struct MqttConnectOutcome(bool Success, bool SessionPresent, string Reason);
