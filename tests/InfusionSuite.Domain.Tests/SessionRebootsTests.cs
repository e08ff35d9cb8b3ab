using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Issue 16 (trial): "(1 reboot this session)" showed on an aborted session for a reboot after its end. A session's
/// reboot count covers its own period only: from its start to its end.
/// </summary>
public sealed class SessionRebootsTests
{
    [Fact]
    public void RebootAfterTheAbort_WhileLateMessagesStillJoin_IsNotTheSessions()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.RunMinutes(5);
        chair.Abort();
        chair.Minutes(2);

        Reboot(chair);
        chair.RunMinutes(2);

        Assert.Equal(2, chair.Record.Controller.Boots.Count); // the new boot was heard by the session…
        Assert.Equal(0, chair.Record.Controller.Reboots);     // …after its end: not a reboot of this session
    }

    [Fact]
    public void RebootAfterTheCapCameOff_IsNotTheSessions_ButOneBeforeIs()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.RunMinutes(10);
        Reboot(chair);
        chair.RunMinutes(80);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Minutes(5);
        chair.Event(ControllerEventKind.CapOff);
        Assert.Equal(1, chair.Record.Controller.Reboots);

        chair.Minutes(3);
        Reboot(chair);
        chair.Sample(ControllerState.Standby, capConnected: false);

        Assert.Equal(1, chair.Record.Controller.Reboots);
    }

    [Fact]
    public void ControllerFirstHeardAfterTheStart_IsNoReboot()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(5);
        chair.Hello();
        chair.FitAndStartCooling();
        chair.RunMinutes(5);

        Assert.Equal(0, chair.Record.Controller.Reboots);
    }

    private static void Reboot(SessionScenario chair)
    {
        chair.Boot++;
        chair.Seq = 0;
        chair.Apply(new ControllerHelloReceived(chair.Now, new ControllerHello(SessionScenario.ControllerId, chair.Boot, "SIM-1", "1.0.1", 1)));
    }
}
