using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// A session held in memory by the writer: the domain fold, the status last stored, and what the session-end participants
/// were last given (<paramref name="reported"/>: its fingerprint as stored; null when nothing was). A report — the first at
/// the end, and each correction after it — waits while the session's controller is behind (<see cref="UploadCatchUp"/>).
/// </summary>
internal sealed class LiveSession(string sessionId, string controllerId, ScalpCoolingSession session, SessionStatus? storedStatus = null, string? reported = null)
{
    private SessionStatus? _storedStatus = storedStatus;
    private SessionStatus? _statusBeforeBatch;
    private bool _statusChanged;
    private readonly UploadCatchUp _catchUp = new(session.Policy.DeviceRecordGap, session.Policy.UploadQuietWait, session.Policy.LateMessageWindow);
    private string? _reported = reported;
    private DateTimeOffset? _latestHeard;

    public string SessionId => sessionId;

    public string ControllerId => controllerId;

    public ScalpCoolingSession Session => session;

    /// <summary>A report of the ended record waits for the controller to catch up (see <see cref="UploadCatchUp"/>).</summary>
    public bool CorrectionOwed => _catchUp.Owed;

    /// <summary>When the owed report is due at the latest, even if no message comes; null when none is owed.</summary>
    public DateTimeOffset? CorrectionDueAt => _catchUp.DueAt;

    /// <summary>True once an end status (completed, aborted, voided) is stored.</summary>
    public bool Ended => _storedStatus is { } status && SessionBoard.IsEnded(status);

    /// <summary>Ended, not voided, and its end not reported yet (held while its controller was behind).</summary>
    private bool EndUnreported => Ended && _storedStatus != SessionStatus.Voided && _reported is null;

    /// <summary>
    /// At the writer's start: true when the latest record was not reported (an end or a correction was held when the worker
    /// stopped); it is then owed, and goes once the controller is heard live or after the upload's quiet wait.
    /// </summary>
    public bool OwesReportAtStart(DateTimeOffset now)
    {
        if (!Ended || _storedStatus == SessionStatus.Voided || (_reported is not null && RecordFingerprint.HashOf(session.ToRecord()) == _reported))
        {
            return false;
        }

        _catchUp.OwedAtStart(now);
        return true;
    }

    /// <summary>Notes a sequenced message of this session's controller (taken or not): is it still catching up?</summary>
    public void HeardFromController(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt)
    {
        var onTimeline = session.OnServerTimeline(boot, seq, deviceTs, receivedAt);
        if (_latestHeard is not { } latest || onTimeline > latest)
        {
            _latestHeard = onTimeline;
        }

        _catchUp.Heard(onTimeline, receivedAt, pastTheSession: !session.TakesControllerMessageAt(onTimeline));
    }

    /// <summary>
    /// The controller's link went down (it stores what it says) or came back (it uploads that first). A link that goes down
    /// (a Last Will, a closed port, or the controller's own shutdown: CCP/1 says them alike) after the controller's latest
    /// message already lies past what the session takes from it holds nothing: what it stores from then on cannot change the
    /// record, so the report does not wait for its return (an upload still under way keeps its own quiet wait).
    /// </summary>
    public void LinkChanged(bool online, DateTimeOffset receivedAt)
    {
        if (online)
        {
            _catchUp.LinkUp(receivedAt);
        }
        else if (_latestHeard is not { } latest || session.TakesControllerMessagesAfter(latest))
        {
            _catchUp.LinkDown();
        }
    }

    /// <summary>
    /// Before the commit: puts a changed status in the batch and, when the session has ended, its record for the
    /// <see cref="ISessionEndParticipant"/>s once its controller has caught up. A record that changes after it was reported
    /// (a late CAP_OFF, a late sample, a nurse's correction) goes to them again: a correction.
    /// </summary>
    public void NoteStatusChange(IngestBatch batch, DateTimeOffset now)
    {
        var status = session.Status;
        if (status is null)
        {
            return;
        }

        if (status != _storedStatus)
        {
            var record = session.ToRecord();
            var ended = SessionBoard.IsEnded(status.Value);
            var endedAt = record.Boundaries.EndedAt ?? (ended ? record.AsOf : null);
            batch.SetStatus(new SessionStatusChange(sessionId, status.Value, endedAt, record.Void?.Reason));
            var wasEnded = Ended;
            _statusBeforeBatch = _storedStatus;
            _storedStatus = status;
            _statusChanged = true;
            if (status == SessionStatus.Voided)
            {
                // A void is an end of its own, never held: the EHR must hear of it (a void of an end not reported yet sends nothing).
                _catchUp.Settle();
                Give(batch, record, first: true);
                return;
            }

            if (ended && !wasEnded)
            {
                _reported = null;
            }
        }

        if (!Ended || _storedStatus == SessionStatus.Voided)
        {
            // Running: nothing to report. Voided: the record is withdrawn, later documentation on it sends nothing.
            _catchUp.Settle();
            return;
        }

        ReportWhenCaughtUp(batch, now);
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

    /// <summary>Intermediate states never reach the EHR: while its controller is behind, the report waits (at most the late-message window).</summary>
    private void ReportWhenCaughtUp(IngestBatch batch, DateTimeOffset now)
    {
        var record = session.ToRecord();
        var first = EndUnreported;
        if (!first && RecordFingerprint.HashOf(record) == _reported)
        {
            _catchUp.Settle();
            return;
        }

        switch (_catchUp.Judge(now))
        {
            case CatchUpVerdict.Hold:
                return;
            case CatchUpVerdict.ReportIncomplete:
                record = record with { ControllerRecordIncomplete = true };
                if (!first && RecordFingerprint.HashOf(record) == _reported)
                {
                    return; // that incomplete record went already: the next goes when the controller has caught up
                }

                break;
        }

        Give(batch, record, first);
    }

    private void Give(IngestBatch batch, ScalpCoolingSessionRecord record, bool first)
    {
        var fingerprint = RecordFingerprint.HashOf(record);
        if (first)
        {
            batch.AddEnded(record);
        }
        else
        {
            batch.AddChangedAfterEnd(record);
        }

        batch.SetReported(new SessionReported(sessionId, fingerprint));
        _reported = fingerprint;
    }
}
