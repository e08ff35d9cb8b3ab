using InfusionSuite.Application.Ingest;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Issue 13's trial: a replay of a past session (its messages hours old, streaming as they happen) was taken for an upload, so
/// its report was held for hours and then sent marked incomplete. Old messages arriving at the pace of their own time are live;
/// an upload comes faster than its own time (at once, in chunks or in a trickle) and still holds the report.
/// </summary>
public sealed class UploadCatchUpPaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Behind = TimeSpan.FromHours(3);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public void Replay_HoursOld_StreamingAtItsOwnPace_TheReportGoes()
    {
        var catchUp = New();
        var received = Now;
        for (var i = 0; i < 120; i++)
        {
            received = Now + (Period * i);
            catchUp.Heard(received - Behind, received);
        }

        Assert.Equal(CatchUpVerdict.Report, catchUp.Judge(received));
    }

    [Theory]
    [InlineData(0)] // all at once
    [InlineData(200)] // a trickle: one every 0.2 s
    public void Upload_FasterThanItsOwnTime_TheReportWaits(int gapMs)
    {
        var catchUp = New();
        var received = Now;
        for (var i = 0; i < 120; i++)
        {
            received = Now + TimeSpan.FromMilliseconds(gapMs * i);
            catchUp.Heard(Now - Behind + (Period * i), received);
        }

        Assert.Equal(CatchUpVerdict.Hold, catchUp.Judge(received));
    }

    [Fact]
    public void Upload_InChunks_TenEveryTwoSeconds_TheReportWaits()
    {
        var catchUp = New();
        var received = Now;
        for (var i = 0; i < 120; i++)
        {
            received = Now + (TimeSpan.FromSeconds(2) * (i / 10));
            catchUp.Heard(Now - Behind + (Period * i), received);
        }

        Assert.Equal(CatchUpVerdict.Hold, catchUp.Judge(received));
    }

    [Fact]
    public void AfterACutOff_AnUploadAtItsOwnPace_StillWaitsForTheLinksReturn()
    {
        var catchUp = New();
        catchUp.LinkDown();
        var received = Now;
        catchUp.LinkUp(received);
        for (var i = 0; i < 120; i++)
        {
            received = Now + (Period * i);
            catchUp.Heard(Now - TimeSpan.FromMinutes(30) + (Period * i), received); // 2 min of the 30 stored: not at the link's return yet
        }

        Assert.Equal(CatchUpVerdict.Hold, catchUp.Judge(received));
    }

    private static UploadCatchUp New() =>
        new(SessionPolicy.Default.DeviceRecordGap, SessionPolicy.Default.UploadQuietWait, SessionPolicy.Default.LateMessageWindow);
}
