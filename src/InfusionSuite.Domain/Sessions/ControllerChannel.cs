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
