using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Liveness;

/// <summary>
/// Which controllers are online now (CCP/1 section 4), and which links are up. The links and the
/// liveness monitor update it; they also put every change in the message queue as a
/// <see cref="ControllerPresenceChanged"/>.
/// </summary>
public sealed class ControllerPresence(IOptions<LivenessOptions> options) : IControllerPresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ControllerPresenceEntry> _controllers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _links = new(StringComparer.Ordinal);

    public bool IsOnline(string controllerId)
    {
        lock (_lock)
        {
            return _controllers.TryGetValue(controllerId, out var entry) && entry.Online;
        }
    }

    public IReadOnlyList<string> KnownControllers()
    {
        lock (_lock)
        {
            return [.. _controllers.Keys];
        }
    }

    public IReadOnlyList<ControllerPresenceEntry> Snapshot()
    {
        lock (_lock)
        {
            return [.. _controllers.Values];
        }
    }

    /// <summary>Whether a link (<c>serial:{path}</c> or <c>mqtt</c>) is connected now.</summary>
    public bool IsLinkUp(string link)
    {
        lock (_lock)
        {
            return _links.TryGetValue(link, out var up) && up;
        }
    }

    internal void SetLinkUp(string link, bool up)
    {
        lock (_lock)
        {
            _links[link] = up;
        }
    }

    /// <summary>Records a valid message; true when the controller thereby came online.</summary>
    internal bool Heard(ControllerMessage message)
    {
        lock (_lock)
        {
            var cameOnline = !_controllers.TryGetValue(message.ControllerId, out var old) || !old.Online;
            _controllers[message.ControllerId] = new ControllerPresenceEntry(
                message.ControllerId, true, message.ReceivedAt, message.Transport, message.Site, message.SerialPort);
            return cameOnline;
        }
    }

    /// <summary>Marks one controller offline; true when it was online.</summary>
    internal bool MarkOffline(string controllerId)
    {
        lock (_lock)
        {
            if (!_controllers.TryGetValue(controllerId, out var entry) || !entry.Online)
            {
                return false;
            }

            _controllers[controllerId] = entry with { Online = false };
            return true;
        }
    }

    /// <summary>Marks every controller last heard on the port offline, and returns those that were online.</summary>
    internal IReadOnlyList<ControllerPresenceEntry> MarkPortOffline(string serialPort) =>
        MarkOfflineWhere(entry => entry.Transport == CcpTransport.Serial && entry.SerialPort == serialPort);

    /// <summary>Marks every controller silent for the offline-after time offline, and returns them.</summary>
    internal IReadOnlyList<ControllerPresenceEntry> MarkSilentOffline(DateTimeOffset now)
    {
        var offlineAfter = options.Value.OfflineAfter;
        return MarkOfflineWhere(entry => now - entry.LastHeardAt >= offlineAfter);
    }

    private List<ControllerPresenceEntry> MarkOfflineWhere(Func<ControllerPresenceEntry, bool> predicate)
    {
        var changed = new List<ControllerPresenceEntry>();
        lock (_lock)
        {
            foreach (var entry in _controllers.Values)
            {
                if (entry.Online && predicate(entry))
                {
                    changed.Add(entry);
                }
            }

            foreach (var entry in changed)
            {
                _controllers[entry.ControllerId] = entry with { Online = false };
            }
        }

        return changed;
    }
}
