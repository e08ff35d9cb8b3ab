using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ingest;

/// <summary>A session held in memory by the writer: the domain fold and the status last stored.</summary>
internal sealed class LiveSession(string sessionId, string controllerId, ScalpCoolingSession session, SessionStatus? storedStatus = null)
{
    private SessionStatus? _storedStatus = storedStatus;
    private SessionStatus? _statusBeforeBatch;
    private bool _statusChanged;
    private readonly UploadCatchUp _catchUp = new(session.Policy.DeviceRecordGap, session.Policy.LateMessageWindow);

    // What the session-end participants were last given (rebuilt sessions: as stored).
    private string? _reported = storedStatus is { } stored && SessionBoard.IsEnded(stored) ? RecordFingerprint.Of(session.ToRecord()) : null;

    public string SessionId => sessionId;

    public string ControllerId => controllerId;

    public ScalpCoolingSession Session => session;

    /// <summary>A change of the ended record waits for the controller's upload to catch up (see <see cref="UploadCatchUp"/>).</summary>
    public bool CorrectionOwed => _catchUp.Owed;

    /// <summary>When the owed correction is due at the latest, even if no message comes; null when none is owed.</summary>
    public DateTimeOffset? CorrectionDueAt => _catchUp.DueAt;

    /// <summary>Notes a sequenced message of this session's controller (taken or not): is it still catching up?</summary>
    public void HeardFromController(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt) =>
        _catchUp.Heard(session.OnServerTimeline(boot, seq, deviceTs, receivedAt), receivedAt);

    /// <summary>True once an end status (completed, aborted, voided) is stored.</summary>
    public bool Ended => _storedStatus is { } status && SessionBoard.IsEnded(status);

    /// <summary>
    /// Before the commit: puts a changed status in the batch (and, when the session reaches an end,
    /// its record for the <see cref="ISessionEndParticipant"/>s). A record that changes after its end
    /// (a late CAP_OFF, a late sample, a nurse's correction) goes to them again: a correction.
    /// </summary>
    public void NoteStatusChange(IngestBatch batch, DateTimeOffset now)
    {
        var status = session.Status;
        if (status is null)
        {
            return;
        }

        if (status == _storedStatus)
        {
            // A voided record is withdrawn: later documentation on it sends nothing.
            if (_reported is not null && status != SessionStatus.Voided)
            {
                var current = session.ToRecord();
                var changed = RecordFingerprint.Of(current);
                if (changed == _reported)
                {
                    _catchUp.Settle();
                }
                else if (!_catchUp.Holds(now))
                {
                    // Intermediate states never reach the EHR: while its controller uploads what it stored, the change waits.
                    batch.AddChangedAfterEnd(current);
                    _reported = changed;
                }
            }
            else
            {
                _catchUp.Settle();
            }

            return;
        }

        _catchUp.Settle();

        var record = session.ToRecord();
        var ended = SessionBoard.IsEnded(status.Value);
        var endedAt = record.Boundaries.EndedAt ?? (ended ? record.AsOf : null);
        batch.SetStatus(new SessionStatusChange(sessionId, status.Value, endedAt, record.Void?.Reason));
        // A void after the end is an end of its own: the EHR must hear of it.
        if (ended && (!Ended || status == SessionStatus.Voided))
        {
            batch.AddEnded(record);
            _reported = RecordFingerprint.Of(record);
        }

        _statusBeforeBatch = _storedStatus;
        _storedStatus = status;
        _statusChanged = true;
    }

    /// <summary>After the commit: the stored status change to announce, once; null when the status stayed.</summary>
    public SessionStatusChanged? TakeStatusChange(DateTimeOffset now, ScalpCoolingSessionRecord record)
    {
        if (!_statusChanged)
        {
            return null;
        }

        _statusChanged = false;
        return new SessionStatusChanged(sessionId, controllerId, now, _statusBeforeBatch, record.Status);
    }
}
