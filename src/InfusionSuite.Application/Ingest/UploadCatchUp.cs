namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Whether a session's controller is behind: cut off (its link is down), or back and still sending the messages it stored
/// meanwhile (or a replay), which arrive well after their own time. While it is, the record is an intermediate one (an upload
/// in chunks fills the offline gap chunk by chunk), so what goes to the EHR — the first report at the end as well as a
/// correction — waits (docs/clinical-rules.md, "Reports wait for an upload"). The decision is read from the messages, not
/// from how fast this machine takes them:
/// <list type="bullet">
/// <item>a message is an upload message when it arrives more than the device-record gap after its own time on the server's
/// timeline; a live one arrives within the network's delay;</item>
/// <item>the upload is over when a live message arrives, or when an upload message reaches the moment the link came back
/// (the controller stored messages until then, so its record is whole), or when one lies past all the session takes from its
/// controller (it has said all of the session: a replay, or a clock off beyond the clock limit, going on after the end), or — the controller silent after its upload — when
/// no message came for the upload's quiet wait (minutes: far longer than any pause of a loaded machine inside one upload);</item>
/// <item>a report never waits longer than the session's late-message window: it then goes marked incomplete.</item>
/// </list>
/// </summary>
internal sealed class UploadCatchUp(TimeSpan gap, TimeSpan quietWait, TimeSpan longestWait)
{
    private bool _linkDown;
    private DateTimeOffset? _linkBackAt;
    private DateTimeOffset? _uploadHeardAt;
    private DateTimeOffset? _owedSince;

    /// <summary>True while a report is owed and held.</summary>
    public bool Owed => _owedSince is not null;

    /// <summary>The controller's link went down: it stores what it says from now on.</summary>
    public void LinkDown()
    {
        _linkDown = true;
        _linkBackAt = null;
    }

    /// <summary>The controller's link is back: what it stored comes first, and covers the time until <paramref name="receivedAt"/>.</summary>
    public void LinkUp(DateTimeOffset receivedAt)
    {
        if (_linkDown)
        {
            _linkDown = false;
            _linkBackAt = receivedAt;
            _uploadHeardAt = receivedAt;
        }
    }

    /// <summary>
    /// Notes one controller message (taken by the session or not) by its arrival and its ts on the server's timeline;
    /// <paramref name="pastTheSession"/>: its ts lies past all the session takes from its controller, so what the controller
    /// said of the session came before it (a replay, or a clock off by more than the clock limit, streaming on after the end).
    /// </summary>
    public void Heard(DateTimeOffset onServerTimeline, DateTimeOffset receivedAt, bool pastTheSession)
    {
        LinkUp(receivedAt);
        var live = receivedAt - onServerTimeline <= gap;
        var reachedLinkBack = _linkBackAt is { } back && onServerTimeline >= back - gap;
        if (live || reachedLinkBack || pastTheSession)
        {
            _uploadHeardAt = null; // the link's return is kept: the rest of a chunk that reached it is caught up too
        }
        else
        {
            _uploadHeardAt = receivedAt;
        }
    }

    /// <summary>Can a report of the record go at <paramref name="now"/>? When it must wait, it is owed from then on.</summary>
    public CatchUpVerdict Judge(DateTimeOffset now)
    {
        if (BehindUntil is not { } until || now >= until)
        {
            _owedSince = null;
            return CatchUpVerdict.Report;
        }

        _owedSince ??= now;
        if (now >= _owedSince.Value + longestWait)
        {
            _owedSince = null;
            return CatchUpVerdict.ReportIncomplete;
        }

        return CatchUpVerdict.Hold;
    }

    /// <summary>
    /// At the writer's start a report is owed (held when the worker stopped): what the controller does now is unknown, so it
    /// counts as uploading from <paramref name="now"/> — its next live message, or the quiet wait, lets the report go.
    /// </summary>
    public void OwedAtStart(DateTimeOffset now)
    {
        _uploadHeardAt = now;
        _owedSince = now;
    }

    /// <summary>Nothing is owed any more (the record is back to what was reported, or a void reports it).</summary>
    public void Settle() => _owedSince = null;

    /// <summary>When an owed report is due at the latest (null when none is owed).</summary>
    public DateTimeOffset? DueAt
    {
        get
        {
            if (_owedSince is not { } since)
            {
                return null;
            }

            var limit = since + longestWait;
            return BehindUntil is { } until && until < limit ? until : limit;
        }
    }

    private DateTimeOffset? BehindUntil => _linkDown ? DateTimeOffset.MaxValue : _uploadHeardAt + quietWait;
}
