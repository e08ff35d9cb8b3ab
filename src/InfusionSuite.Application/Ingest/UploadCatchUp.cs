namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Whether a session's controller is still catching up: sending messages it stored while cut off (or a replay),
/// which arrive well after their own time. While it is, the record is an intermediate one (an upload in chunks fills
/// the offline gap chunk by chunk), so a correction of an ended session waits (docs/clinical-rules.md, "Corrections
/// wait for an upload"). A message is behind when it arrives more than the device-record gap after its ts on the
/// server's timeline (live messages arrive within the network's delay); the upload is over when a message arrives
/// that is not behind, or when none has come for that gap. A correction never waits longer than the session's
/// late-message window, however long a controller keeps sending old messages.
/// </summary>
internal sealed class UploadCatchUp(TimeSpan gap, TimeSpan longestWait)
{
    private DateTimeOffset? _behindArrivedAt;
    private DateTimeOffset? _owedSince;

    /// <summary>True while a correction is owed: the record changed after its end and was not reported yet.</summary>
    public bool Owed => _owedSince is not null;

    /// <summary>Notes one controller message (taken by the session or not) by its arrival and its ts on the server's timeline.</summary>
    public void Heard(DateTimeOffset onServerTimeline, DateTimeOffset receivedAt) =>
        _behindArrivedAt = receivedAt - onServerTimeline > gap ? receivedAt : null;

    /// <summary>Whether a change of the record at <paramref name="now"/> must wait; when it must, it is owed from then on.</summary>
    public bool Holds(DateTimeOffset now)
    {
        if (Until(now) is { } until && now < until)
        {
            _owedSince ??= now;
            return true;
        }

        _owedSince = null;
        return false;
    }

    /// <summary>Nothing is owed any more (the record is back to what was reported, or its end or void reports it).</summary>
    public void Settle() => _owedSince = null;

    /// <summary>When an owed correction is due at the latest (null when none is owed).</summary>
    public DateTimeOffset? DueAt => _owedSince is { } since ? Until(since) ?? since : null;

    private DateTimeOffset? Until(DateTimeOffset now)
    {
        if (_behindArrivedAt is not { } behind)
        {
            return null;
        }

        var limit = (_owedSince ?? now) + longestWait;
        var quietAfter = behind + gap;
        return quietAfter < limit ? quietAfter : limit;
    }
}
