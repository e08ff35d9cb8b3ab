using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The session's controller as a source of messages: who it says it is (hello), whether it is
/// reachable (liveness), which messages were already kept (boot and seq), and how far its clock
/// is from the server's. Written by the session's admission of controller messages.
/// </summary>
internal sealed class ControllerChannel(TimeSpan deviceRecordGap)
{
    private readonly MessageDeduplicator _messages = new();
    private readonly Dictionary<uint, DateTimeOffset> _bootHeardAt = [];
    private DateTimeOffset _helloAt = DateTimeOffset.MinValue;

    public string? Model { get; private set; }

    public string? Firmware { get; private set; }

    /// <summary>Boot ids seen, in order.</summary>
    public IReadOnlyList<uint> Boots => _messages.Boots;

    /// <summary>When the controller was offline (liveness, by received time).</summary>
    public ConditionTimeline Offline { get; } = new();

    /// <summary>What the controller's own record covers (its kept messages on the server's timeline).</summary>
    public DeviceRecordCoverage DeviceRecord { get; } = new(deviceRecordGap);

    /// <summary>The controller's clock against the server's, per boot.</summary>
    public ControllerClock Clock { get; } = new();

    /// <summary>The latest hello (by received time) names the model and firmware; every hello's boot counts.</summary>
    public void Hello(ControllerHello hello, DateTimeOffset receivedAt)
    {
        if (receivedAt >= _helloAt)
        {
            _helloAt = receivedAt;
            Model = hello.Model;
            Firmware = hello.Firmware;
        }

        _messages.NoteBoot(hello.Boot);
        HeardBoot(hello.Boot, receivedAt);
    }

    /// <summary>Notes a kept message of <paramref name="boot"/> at <paramref name="at"/> (the server's timeline): a boot's first message dates it.</summary>
    public void HeardBoot(uint boot, DateTimeOffset at)
    {
        if (!_bootHeardAt.TryGetValue(boot, out var first) || at < first)
        {
            _bootHeardAt[boot] = at;
        }
    }

    /// <summary>
    /// How often the controller rebooted within the session's own period, <paramref name="from"/> to
    /// <paramref name="until"/> (null while it runs): the boots first heard inside it, less the one it ran at the start
    /// (the latest first heard before it, or else the first heard inside it). A boot heard only before the start (a late
    /// message of an earlier session) or only after the end (a reboot once the session was over) is not one of them.
    /// </summary>
    public int RebootsWithin(DateTimeOffset from, DateTimeOffset? until)
    {
        var inside = _bootHeardAt.Values.Count(at => at > from && (until is not { } end || at <= end));
        var runningAtStart = _bootHeardAt.Values.Any(at => at <= from);
        return runningAtStart ? inside : Math.Max(0, inside - 1);
    }

    /// <summary>True when (boot, seq) is new, or a reused boot's new run (device ts newer than all kept), and remembers it; false for a duplicate.</summary>
    public bool TryKeep(uint boot, uint seq, DateTimeOffset deviceTs) => _messages.TryKeep(boot, seq, deviceTs);

    /// <summary>Records a liveness change; false (and nothing changes) for a stale or repeated one.</summary>
    public bool TryObserveLiveness(bool isOffline, DateTimeOffset receivedAt)
    {
        if (Offline.IsStaleOrRepeat(isOffline, receivedAt))
        {
            return false;
        }

        Offline.Observe(isOffline, receivedAt);
        return true;
    }
}
