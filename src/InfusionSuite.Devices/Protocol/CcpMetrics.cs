using System.Diagnostics.Metrics;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Metrics;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// CCP/1 counters on the meter <c>InfusionSuite.Devices</c>, tagged by <c>transport</c>
/// (<c>serial</c>/<c>mqtt</c>) and, for rejections, <c>reason</c>. Never tagged by controller or
/// patient. Every series is reported from the start, 0 before its first frame (<see cref="CountSinceStart"/>), so a
/// dashboard tells "no rejections" from "not reported". Counting does not allocate.
/// </summary>
public sealed class CcpMetrics
{
    public const string MeterName = "InfusionSuite.Devices";
    public const string AcceptedName = "ccp.frames.accepted";
    public const string RejectedName = "ccp.frames.rejected";
    public const string DuplicateName = "ccp.frames.duplicate";
    public const string ReconnectName = "ccp.link.reconnects";

    /// <summary>The <c>transport</c> tag sets, at the index of their <see cref="CcpTransport"/>.</summary>
    internal static readonly KeyValuePair<string, object?>[][] Transports =
        [[new("transport", "serial")], [new("transport", "mqtt")]];

    /// <summary>The rejection reasons (every <see cref="CcpRejection"/> but <see cref="CcpRejection.None"/>), in enum order from 1.</summary>
    private static readonly KeyValuePair<string, object?>[] s_reasons =
        [.. Enum.GetValues<CcpRejection>().Where(r => r != CcpRejection.None).Select(r => new KeyValuePair<string, object?>("reason", CcpRejectionNames.Of(r)))];

    private readonly CountSinceStart _accepted;
    private readonly CountSinceStart _rejected;
    private readonly CountSinceStart _duplicates;
    private readonly CountSinceStart _reconnects;

    public CcpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _accepted = new CountSinceStart(meter, AcceptedName, "{frame}", "CCP/1 lines and payloads accepted", Transports);
        _rejected = new CountSinceStart(
            meter, RejectedName, "{frame}", "CCP/1 lines and payloads discarded, by reason",
            CountSinceStart.Combinations([.. Transports.Select(t => t[0])], s_reasons));
        _duplicates = new CountSinceStart(
            meter, DuplicateName, "{frame}", "CCP/1 messages dropped as already seen (same controller, boot and seq, with a ts no newer than the boot's newest: a redelivery)", Transports);
        _reconnects = new CountSinceStart(meter, ReconnectName, "{reconnect}", "controller links reopened after a loss", Transports);
    }

    public void Accepted(CcpTransport transport) => _accepted.Add((int)transport, 1);

    /// <summary>Counts a discarded frame; <see cref="CcpRejection.None"/> is not a reason and counts nothing.</summary>
    public void Rejected(CcpTransport transport, CcpRejection reason)
    {
        if (reason != CcpRejection.None)
        {
            _rejected.Add(((int)transport * s_reasons.Length) + (int)reason - 1, 1);
        }
    }

    public void Duplicate(CcpTransport transport) => _duplicates.Add((int)transport, 1);

    public void Reconnect(CcpTransport transport) => _reconnects.Add((int)transport, 1);

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
