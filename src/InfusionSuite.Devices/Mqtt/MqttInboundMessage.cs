using System.Buffers;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// One PUBLISH from the broker. <see cref="Payload"/> is valid only while the receive handler runs.
/// <see cref="Acknowledgement"/> sends the PUBACK (QoS 1) when completed.
/// </summary>
internal sealed record MqttInboundMessage(string Topic, ReadOnlySequence<byte> Payload, bool Retained, MessageAcknowledgement Acknowledgement);
