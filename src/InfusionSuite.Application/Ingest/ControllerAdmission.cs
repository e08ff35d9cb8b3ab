using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Which controllers may put chairs on the board and messages in the store (issue 19: any MQTT publisher
/// could create permanent chairs; 20,000 ids made the board 7.6 MB). Admitted: the configured chairs
/// (<see cref="IConfiguredControllers"/>), every controller stored before, and new ones until
/// <see cref="IngestOptions.AutoRegisteredControllerLimit"/> have registered since the start. The
/// messages of any other are refused: counted per id (the latest <see cref="MostRefusedShown"/> ids kept)
/// and in the metric, shown to engineers, never added to the board. Thread-safe: the writer admits, the
/// board and the API read. On a database several workers share, a controller the live owner of its site reports
/// (<see cref="IOwnersPresence"/>) was admitted by that owner: every node's board shows it, including a standby's,
/// whose own writer has admitted nothing.
/// </summary>
public sealed class ControllerAdmission
{
    /// <summary>How many refused ids are kept for engineers; the count of the others goes on in <see cref="RefusedMessages"/>.</summary>
    public const int MostRefusedShown = 100;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _admitted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefusedController> _refused = new(StringComparer.Ordinal);
    private readonly int _limit;
    private readonly IOwnersPresence? _owners;
    private int _autoRegistered;
    private long _refusedMessages;

    /// <param name="owners">What the owners of the sites report (none for a single suite, where this node admits every controller itself).</param>
    public ControllerAdmission(IConfiguredControllers configured, IOptions<IngestOptions> options, IOwnersPresence? owners = null)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(options);
        _limit = options.Value.AutoRegisteredControllerLimit;
        _owners = owners;
        _admitted.UnionWith(configured.ControllerIds);
    }

    /// <summary>How many new controllers may register themselves after the start.</summary>
    public int Limit => _limit;

    /// <summary>Messages refused since the start, from every refused id.</summary>
    public long RefusedMessages
    {
        get
        {
            lock (_gate)
            {
                return _refusedMessages;
            }
        }
    }

    /// <summary>The controllers stored before this start: admitted again.</summary>
    public void Known(IEnumerable<string> controllerIds)
    {
        ArgumentNullException.ThrowIfNull(controllerIds);
        lock (_gate)
        {
            _admitted.UnionWith(controllerIds);
        }
    }

    /// <summary>True when the controller's message may be taken; registers a new controller while under the limit, counts a refusal otherwise.</summary>
    public bool Admit(string controllerId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(controllerId);
        lock (_gate)
        {
            if (_admitted.Contains(controllerId))
            {
                return true;
            }

            if (_autoRegistered < _limit)
            {
                _autoRegistered++;
                _admitted.Add(controllerId);
                return true;
            }

            _refusedMessages++;
            if (_refused.TryGetValue(controllerId, out var refused))
            {
                _refused[controllerId] = refused with { Messages = refused.Messages + 1, LastAt = receivedAt };
            }
            else
            {
                if (_refused.Count >= MostRefusedShown)
                {
                    _refused.Remove(_refused.Values.MinBy(r => r.LastAt)!.ControllerId);
                }

                _refused[controllerId] = new RefusedController(controllerId, 1, receivedAt);
            }

            return false;
        }
    }

    /// <summary>
    /// True when the controller is configured, stored, has spoken since the start (admitted or refused), or a
    /// nurse started a session on it, here or at the live owner of its site: false for an id nothing has ever come
    /// from, which a start asks to confirm.
    /// </summary>
    public bool HasBeenHeard(string controllerId)
    {
        ArgumentNullException.ThrowIfNull(controllerId);
        lock (_gate)
        {
            if (_admitted.Contains(controllerId) || _refused.ContainsKey(controllerId))
            {
                return true;
            }
        }

        return ReportedByAnOwner(controllerId);
    }

    /// <summary>True when the controller has been admitted, here or by the live owner of its site (the board shows only these).</summary>
    public bool IsAdmitted(string controllerId)
    {
        lock (_gate)
        {
            if (_admitted.Contains(controllerId))
            {
                return true;
            }
        }

        return ReportedByAnOwner(controllerId);
    }

    private bool ReportedByAnOwner(string controllerId) => _owners?.Reports(controllerId) == true;

    /// <summary>The refused ids kept for engineers, latest first.</summary>
    public IReadOnlyList<RefusedController> Refused()
    {
        lock (_gate)
        {
            return [.. _refused.Values.OrderByDescending(r => r.LastAt).ThenBy(r => r.ControllerId, StringComparer.Ordinal)];
        }
    }
}
