using System.Diagnostics.Metrics;
using InfusionSuite.Application.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// CCP/1 counters on the meter <c>InfusionSuite.Devices</c>, tagged by <c>transport</c>
/// (<c>serial</c>/<c>mqtt</c>) and, for rejections, <c>reason</c>. Never tagged by controller or
/// patient. Tags are built once, so counting does not allocate.
/// </summary>
public sealed class CcpMetrics
{
    public const string MeterName = "InfusionSuite.Devices";
    public const string AcceptedName = "ccp.frames.accepted";
    public const string RejectedName = "ccp.frames.rejected";
    public const string DuplicateName = "ccp.frames.duplicate";
    public const string ReconnectName = "ccp.link.reconnects";

    private static readonly KeyValuePair<string, object?>[] s_transports =
        [new("transport", "serial"), new("transport", "mqtt")];

    private static readonly KeyValuePair<string, object?>[] s_reasons =
        [.. Enum.GetValues<CcpRejection>().Select(r => new KeyValuePair<string, object?>("reason", CcpRejectionNames.Of(r)))];

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _reconnects;

    public CcpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>(AcceptedName, "{frame}", "CCP/1 lines and payloads accepted");
        _rejected = meter.CreateCounter<long>(RejectedName, "{frame}", "CCP/1 lines and payloads discarded, by reason");
        _duplicates = meter.CreateCounter<long>(DuplicateName, "{frame}", "CCP/1 messages dropped as already seen (same controller, boot and seq, with a ts no newer than the boot's newest: a redelivery)");
        _reconnects = meter.CreateCounter<long>(ReconnectName, "{reconnect}", "controller links reopened after a loss");
    }

    public void Accepted(CcpTransport transport) => _accepted.Add(1, s_transports[(int)transport]);

    public void Rejected(CcpTransport transport, CcpRejection reason) =>
        _rejected.Add(1, s_transports[(int)transport], s_reasons[(int)reason]);

    public void Duplicate(CcpTransport transport) => _duplicates.Add(1, s_transports[(int)transport]);

    public void Reconnect(CcpTransport transport) => _reconnects.Add(1, s_transports[(int)transport]);

    /// <summary>Counts an outcome: accepted for <see cref="CcpRejection.None"/>, else rejected with its reason.</summary>
    public void Count(CcpTransport transport, CcpRejection outcome)
    {
        if (outcome == CcpRejection.None)
        {
            Accepted(transport);
        }
        else
        {
            Rejected(transport, outcome);
        }
    }
}
