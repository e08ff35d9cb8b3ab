using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// An unconfigured chair stays on the board while ANY session of it that was not voided is within
/// <c>NurseStation:UnconfiguredChairKeptFor</c>: one stored before the start or one run since, even when the board's
/// record (its latest session only) was voided; a chair whose sessions were all voided leaves (issue 13 trial).
/// </summary>
public sealed class ChairVisibilityTests
{
    private const string Chair = SessionScenario.ControllerId;
    private static readonly NurseStationOptions Settings = new() { UnconfiguredChairKeptFor = TimeSpan.FromHours(12) };

    [Fact]
    public void EarlierSessionStoredBeforeTheStart_KeepsTheChair_WhenItsLaterSessionWasVoided()
    {
        var (voided, now) = LaterSessionVoided();
        var stored = new ControllerListing(Chair, null, null, null, now - TimeSpan.FromHours(8.5));

        Assert.True(new ChairVisibility(Settings, now).Shows(Chair, voided, online: false, null, stored, Use(voided)));
        Assert.False(new ChairVisibility(Settings, now + TimeSpan.FromHours(3.5) + TimeSpan.FromMinutes(1)).Shows(Chair, voided, false, null, stored, Use(voided)));
    }

    [Fact]
    public void EarlierSessionRunSinceTheStart_KeepsTheChair_WhenItsLaterSessionWasVoided()
    {
        var (voided, now) = LaterSessionVoided();
        var use = new ChairSessionUse(now - TimeSpan.FromHours(8.5), Use(voided).Voided);

        Assert.True(new ChairVisibility(Settings, now).Shows(Chair, voided, online: false, null, stored: null, use));
        Assert.False(new ChairVisibility(Settings, now + TimeSpan.FromHours(3.5) + TimeSpan.FromMinutes(1)).Shows(Chair, voided, false, null, null, use));
    }

    [Fact]
    public void ChairWhoseSessionsWereAllVoided_Leaves_EvenWhenTheStoredListingStillNamesOneVoidedSinceTheStart()
    {
        var (voided, now) = LaterSessionVoided();
        var storedBeforeTheVoid = new ControllerListing(Chair, null, null, null, voided.StartedAt);

        Assert.False(new ChairVisibility(Settings, now).Shows(Chair, voided, online: false, null, storedBeforeTheVoid, Use(voided)));
        Assert.False(new ChairVisibility(Settings, now).Shows(Chair, voided, online: false, null, stored: null, Use(voided)));
    }

    [Fact]
    public void ControllerHeardAnHourBeforeTheRestart_WhoseOnlyHelloCameTheDayBefore_KeepsItsChair()
    {
        var now = SessionScenario.DefaultStart;
        var heardAnHourAgo = new ControllerListing(Chair, "CoolCap", "1.0", LastHelloAt: now - TimeSpan.FromHours(26), LastHeardAt: now - TimeSpan.FromHours(1));
        var quietSinceItsHello = heardAnHourAgo with { LastHeardAt = heardAnHourAgo.LastHelloAt };

        Assert.True(new ChairVisibility(Settings, now).Shows(Chair, null, online: false, null, heardAnHourAgo));
        Assert.False(new ChairVisibility(Settings, now).Shows(Chair, null, online: false, null, quietSinceItsHello));
        Assert.False(new ChairVisibility(Settings, now + TimeSpan.FromHours(11) + TimeSpan.FromMinutes(1)).Shows(Chair, null, online: false, null, heardAnHourAgo));
    }

    private static ChairSessionUse Use(ScalpCoolingSessionRecord voided) =>
        new(null, [new TimeInterval(voided.StartedAt, voided.Boundaries.EndedAt ?? voided.StartedAt)]);

    private static (ScalpCoolingSessionRecord Voided, DateTimeOffset Now) LaterSessionVoided()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.Minutes(3);
        Assert.True(chair.Nurse(t => new VoidSession(t, SessionScenario.NurseId, VoidReason.EnteredInError)).IsAccepted);
        chair.Minutes(1);
        return (chair.Record, chair.Now);
    }
}
