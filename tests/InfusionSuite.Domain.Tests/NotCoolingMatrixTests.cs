using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Issue 16 (trial): a session sat in pre-cooling showing "+2:29:59" after its controller had stopped cooling, with no
/// "Not cooling". Every phase that needs cooling × every state the controller can report: "not cooling" exactly when
/// the controller, online, says it is not cooling a cap; and pre-cooling's count (towards its target, and any
/// overtime past it) does not grow meanwhile.
/// </summary>
public sealed class NotCoolingMatrixTests
{
    public static TheoryData<string, ControllerState, bool> Combinations()
    {
        var data = new TheoryData<string, ControllerState, bool>();
        foreach (var phase in new[] { "PreCooling", "Infusing", "PostCooling" })
        {
            foreach (var state in Enum.GetValues<ControllerState>())
            {
                data.Add(phase, state, true);
                data.Add(phase, state, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryPhaseThatNeedsCooling_ByControllerState_NotCoolingExactlyWhenTheControllerSaysSo(string phase, ControllerState state, bool capConnected)
    {
        var chair = new SessionScenario();
        switch (phase)
        {
            case "PreCooling":
                chair.RunToPreCooling();
                chair.RunMinutes(20);
                break;
            case "Infusing":
                chair.RunToInfusing();
                chair.RunMinutes(20);
                break;
            default:
                chair.RunToPostCooling();
                chair.RunMinutes(20);
                break;
        }

        chair.Sample(state, capConnected: capConnected);
        var cooling = state == ControllerState.Cooling && capConnected;
        var at = SessionLiveView.At(chair.Record, chair.Now);
        var later = SessionLiveView.At(chair.Record, chair.Now + TimeSpan.FromHours(3));

        Assert.Equal(phase, at.Status.ToString());
        Assert.Equal(!cooling, at.NotCooling);
        Assert.Equal(!cooling, later.NotCooling);
        if (phase == "PreCooling" && !cooling)
        {
            Assert.Equal(at.CountedTowardsTarget, later.CountedTowardsTarget); // the count stops: no overtime grows while not cooling
            Assert.True(later.CountedTowardsTarget < later.PhaseTarget);
        }

        chair.Apply(new ControllerWentOffline(chair.Now));
        Assert.False(SessionLiveView.At(chair.Record, chair.Now).NotCooling); // offline: the offline alarm says why, no stale prompt
    }

    /// <summary>
    /// The trial's chair: the session itself took no sample of its controller (the cap placed by the nurse), while the
    /// controller, online, says it stopped (its latest sample, as the board reads it). Not "+2:29:59" and silence:
    /// "not cooling", and pre-cooling's count stands still; a controller cooling counts on.
    /// </summary>
    [Theory]
    [InlineData(ControllerState.Standby, false)]
    [InlineData(ControllerState.Paused, false)]
    [InlineData(ControllerState.Cooling, true)]
    public void SessionHeardNothingOfItsCooling_TheControllersLatestSampleSays(ControllerState state, bool cooling)
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(2);
        chair.PlaceCap();
        chair.Minutes(10);
        var latest = chair.NewSample(state);

        var at = SessionLiveView.At(chair.Record, chair.Now, latest);
        var later = SessionLiveView.At(chair.Record, chair.Now + TimeSpan.FromHours(3), latest);

        Assert.Equal(SessionStatus.PreCooling, at.Status);
        Assert.Equal(!cooling, later.NotCooling);
        Assert.Equal(cooling, later.CountedTowardsTarget > later.PhaseTarget);
        Assert.Equal(cooling, later.CountedTowardsTarget > at.CountedTowardsTarget);
    }
}
