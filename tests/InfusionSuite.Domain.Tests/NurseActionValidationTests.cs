using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>Impossible nurse actions are refused with a reason and change nothing.</summary>
public sealed class NurseActionValidationTests
{
    [Fact]
    public void ActionBeforeStart_IsRefusedAsNotStarted()
    {
        var chair = new SessionScenario();

        AssertRefused(chair.PlaceCap(), RefusalReason.SessionNotStarted);
        Assert.Throws<InvalidOperationException>(() => chair.Record);
    }

    [Fact]
    public void SecondStart_IsRefused()
    {
        var chair = new SessionScenario();
        chair.Start();

        AssertRefused(chair.Start(SessionScenario.Plan(sessionId: "session-2")), RefusalReason.SessionAlreadyStarted);
    }

    [Theory]
    [InlineData(19, 90)]
    [InlineData(30, 181)]
    public void TargetOutsideTwentyToOneHundredEighty_IsRefused(int pre, int post)
    {
        var chair = new SessionScenario();

        AssertRefused(chair.Start(SessionScenario.Plan(RegimenTargets.FromMinutes(pre, post))), RefusalReason.TargetOutOfRange);
    }

    [Theory]
    [InlineData(20, 20)]
    [InlineData(180, 180)]
    public void TargetsAtTheEdgesOfTheRange_AreAccepted(int pre, int post)
    {
        var chair = new SessionScenario();

        Assert.True(chair.Start(SessionScenario.Plan(RegimenTargets.FromMinutes(pre, post))).IsAccepted);
    }

    [Fact]
    public void EffectiveTimeInTheFuture_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();

        AssertRefused(chair.StartInfusion(chair.Now + TimeSpan.FromMilliseconds(1)), RefusalReason.EffectiveTimeInFuture);
    }

    [Fact]
    public void EffectiveTimeBeforeTheSessionBegan_IsRefused()
    {
        var chair = new SessionScenario();
        chair.Start();
        var started = chair.Now;
        chair.Minutes(5);

        AssertRefused(chair.PlaceCap(started - TimeSpan.FromMilliseconds(1)), RefusalReason.EffectiveTimeBeforeSessionStart);
        Assert.True(chair.PlaceCap(started).IsAccepted);
    }

    [Fact]
    public void InfusionEndWithoutStart_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();

        AssertRefused(chair.EndInfusion(), RefusalReason.InfusionNotStarted);
    }

    [Fact]
    public void InfusionEndBeforeItsStart_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        var started = chair.Now;
        chair.Minutes(10);

        AssertRefused(chair.EndInfusion(started - TimeSpan.FromSeconds(1)), RefusalReason.InfusionEndBeforeStart);
        Assert.Equal(SessionStatus.Infusing, chair.Record.Status);
    }

    [Fact]
    public void SecondInfusionStart_IsRefusedAsAlreadyRecorded()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Minutes(1);

        // Another entry (here: dated now); the same one resent is a duplicate (IdenticalResendTests).
        AssertRefused(chair.StartInfusion(chair.Now), RefusalReason.AlreadyRecorded);
    }

    [Fact]
    public void CapRemovedDuringInfusion_IsRefusedInFavourOfAbort()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();

        AssertRefused(chair.RemoveCap(), RefusalReason.InfusionNotEnded);
    }

    [Fact]
    public void CapRemovedWithoutPlacement_IsRefused()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.StartInfusion();
        chair.EndInfusion();

        AssertRefused(chair.RemoveCap(), RefusalReason.CapNotPlaced);
    }

    [Fact]
    public void CapRemovedBeforeInfusionEnd_IsRefusedAsOutOfOrder()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        var ended = chair.Now;
        chair.Minutes(90);

        AssertRefused(chair.RemoveCap(ended - TimeSpan.FromSeconds(1)), RefusalReason.OutOfOrder);
    }

    [Fact]
    public void AbortBeforeAnEarlierStep_IsRefusedAsOutOfOrder()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        var started = chair.Now;
        chair.Minutes(5);

        AssertRefused(chair.Apply(new AbortSession(chair.Now, SessionScenario.NurseId, AbortReason.Other, started - TimeSpan.FromSeconds(1))), RefusalReason.OutOfOrder);
    }

    [Fact]
    public void ActionOnAFinishedSession_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);
        chair.RemoveCap();
        chair.Minutes(1);

        AssertRefused(chair.Abort(), RefusalReason.SessionFinished);
        AssertRefused(chair.RemoveCap(chair.Now), RefusalReason.SessionFinished);
    }

    [Fact]
    public void ActionOnAnAbortedSession_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Abort();

        AssertRefused(chair.EndInfusion(), RefusalReason.SessionFinished);
    }

    [Fact]
    public void AnythingOnAVoidedSession_IsRefused()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.Nurse(now => new VoidSession(now, SessionScenario.NurseId, VoidReason.EnteredInError));

        AssertRefused(chair.Nurse(now => new RecordTolerance(now, SessionScenario.NurseId, 2)), RefusalReason.SessionVoided);
        AssertRefused(chair.Nurse(now => new VoidSession(now, SessionScenario.NurseId, VoidReason.Other)), RefusalReason.SessionVoided);
        AssertRefused(chair.Sample(), RefusalReason.SessionVoided);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void ToleranceOutsideZeroToTen_IsRefused(int score)
    {
        var chair = new SessionScenario();
        chair.Start();

        AssertRefused(chair.Nurse(now => new RecordTolerance(now, SessionScenario.NurseId, score)), RefusalReason.ToleranceOutOfRange);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void ToleranceAtTheEdges_IsAccepted(int score)
    {
        var chair = new SessionScenario();
        chair.Start();

        Assert.True(chair.Nurse(now => new RecordTolerance(now, SessionScenario.NurseId, score)).IsAccepted);
        Assert.Equal(score, chair.Record.Tolerance);
    }

    [Fact]
    public void RefusalText_NamesTheProblemWithoutPatientData()
    {
        var outcome = InputOutcome.Refused(RefusalReason.InfusionEndBeforeStart);

        Assert.Equal("The infusion cannot end before it started.", outcome.Text);
        Assert.All(Enum.GetValues<RefusalReason>(), r => Assert.DoesNotContain("patient-1", RefusalTexts.For(r), StringComparison.Ordinal));
    }

    [Fact]
    public void RefusedActions_DoNotEnterTheLog()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        var before = chair.Log.Count;

        chair.EndInfusion();
        chair.StartInfusion(chair.Now + TimeSpan.FromMinutes(1));

        Assert.Equal(before, chair.Log.Count);
    }

    private static void AssertRefused(InputOutcome outcome, RefusalReason reason)
    {
        Assert.Equal(InputDisposition.Refused, outcome.Disposition);
        Assert.Equal(reason, outcome.Reason);
    }
}
