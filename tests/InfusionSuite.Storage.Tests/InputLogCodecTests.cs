using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Storage.Sqlite;

namespace InfusionSuite.Storage.Tests;

/// <summary>The StartSession input as stored in the session log: the encounter round-trips, and logs from before it still read.</summary>
public sealed class InputLogCodecTests
{
    [Fact]
    public void StartSession_WithAnEncounter_RoundTrips_AndAnOldLogWithoutOneReadsAsNone()
    {
        var plan = new SessionPlan("s-1", "course-1", "Patient/p-1", new ChemoAdministration("ma-1", "96413"), "CHAIR-1",
            RegimenTargets.FromMinutes(30, 90), CapSize.M, FirstOfCourse: true, EncounterReference: "Encounter/e-1");
        var start = new StartSession(Sessions.Nine, "nurse-1", plan);
        var json = InputLogCodec.Serialize(start);

        var read = Assert.IsType<StartSession>(InputLogCodec.Deserialize(InputLogCodec.KindOf(start), json));
        Assert.Equal("Encounter/e-1", read.Plan.EncounterReference);

        var old = json.Replace(",\"EncounterReference\":\"Encounter/e-1\"", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("EncounterReference", old, StringComparison.Ordinal);
        var oldRead = Assert.IsType<StartSession>(InputLogCodec.Deserialize(InputLogCodec.KindOf(start), old));
        Assert.Null(oldRead.Plan.EncounterReference);
        Assert.Equal(plan with { EncounterReference = null }, oldRead.Plan);
    }

    [Fact]
    public void BillingDetailsGiven_RoundTrip_AndAStartWithoutThemReadsAsNone()
    {
        var given = new GiveBillingDetails(Sessions.Nine, "clerk-1", "V-5501", new BillingDetails("1234567893", ["C50.911", "Z51.11"], "Acme Health"));

        var read = Assert.IsType<GiveBillingDetails>(InputLogCodec.Deserialize(InputLogCodec.KindOf(given), InputLogCodec.Serialize(given)));

        Assert.Equal(10, InputLogCodec.KindOf(given));
        Assert.Equal((given.ReceivedAt, "clerk-1", "V-5501"), (read.ReceivedAt, read.NurseId, read.Visit));
        Assert.Equal(given.Details.ToString(), read.Details.ToString());
        Assert.Equal(["C50.911", "Z51.11"], read.Details.DiagnosisCodes);
        var start = new StartSession(Sessions.Nine, "nurse-1", new SessionPlan("s-1", "course-1", "Patient/p-1", new ChemoAdministration("ma-1", "96413"), "CHAIR-1",
            RegimenTargets.FromMinutes(30, 90), CapSize.M, FirstOfCourse: true));
        Assert.Null(Assert.IsType<StartSession>(InputLogCodec.Deserialize(1, InputLogCodec.Serialize(start))).Plan.Billing);
    }
}
