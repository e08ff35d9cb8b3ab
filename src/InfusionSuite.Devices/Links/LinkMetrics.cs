using System.Diagnostics.Metrics;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// Counters of the controller links, tagged by transport (<c>serial</c>, <c>mqtt</c>): messages
/// accepted, rejected by reason, duplicates dropped, reconnects.
/// </summary>
public sealed class LinkMetrics
{
    public const string MeterName = "InfusionSuite.Devices.Links";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _reconnects;

    public LinkMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>("infusionsuite.links.messages.accepted", "{message}", "Valid controller messages handed to the consumer");
        _rejected = meter.CreateCounter<long>("infusionsuite.links.messages.rejected", "{message}", "Controller messages discarded, by reason");
        _duplicates = meter.CreateCounter<long>("infusionsuite.links.messages.duplicates", "{message}", "Repeated or older seq within a boot, dropped");
        _reconnects = meter.CreateCounter<long>("infusionsuite.links.reconnects", "{reconnect}", "Serial port reopened or MQTT client reconnected after a loss");
    }

    public void Accepted(ControllerTransport transport) => _accepted.Add(1, Tag(transport));

    public void Rejected(ControllerTransport transport, string reason) =>
        _rejected.Add(1, Tag(transport), new KeyValuePair<string, object?>("reason", reason));

    public void Duplicate(ControllerTransport transport) => _duplicates.Add(1, Tag(transport));

    public void Reconnected(ControllerTransport transport) => _reconnects.Add(1, Tag(transport));

    private static KeyValuePair<string, object?> Tag(ControllerTransport transport) =>
        new("transport", transport == ControllerTransport.Serial ? "serial" : "mqtt");
}
