using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// A nurse entry resent identically (a client retrying after a lost answer: same action, same nurse, same effective
/// time or none) is a duplicate, also after the end or a void that refuses any other entry; a different entry is still refused.
/// </summary>
public sealed class IdenticalResendTests
{
    private static readonly string Nurse = SessionScenario.NurseId;

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var kind in new[] { "cap removed", "abort", "void", "tolerance", "adverse event", "billing details", "course move", "infusion ended" })
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EntryResentAfterTheEndOrAVoid_IsADuplicate_AndChangesNothing(string kind, bool withEffectiveTime)
    {
        var chair = ReadyFor(kind);
        var effective = withEffectiveTime ? chair.Now - TimeSpan.FromMinutes(1) : (DateTimeOffset?)null;
        var entry = Entry(kind, effective);
        Assert.True(chair.Nurse(entry).IsAccepted);
        EndTheSession(chair, kind);
        var record = Json.Of(chair.Record);
        if (withEffectiveTime || !IsRepeatable(kind))
        {
            chair.Minutes(20); // a resend of a dated entry, or of one that can be made once, is one at any time
        }

        var resent = chair.Nurse(entry);

        Assert.Equal(InputDisposition.Duplicate, resent.Disposition);
        Assert.Equal(record, Json.Of(chair.Record));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DifferentEntryAfterTheEndOrAVoid_IsStillRefused(string kind, bool withEffectiveTime)
    {
        var chair = ReadyFor(kind);
        var effective = withEffectiveTime ? chair.Now - TimeSpan.FromMinutes(1) : (DateTimeOffset?)null;
        Assert.True(chair.Nurse(Entry(kind, effective)).IsAccepted);
        EndTheSession(chair, kind);
        chair.Minutes(20);

        var other = chair.Nurse(Entry(kind, effective, SessionScenario.EndingNurse));

        // Entries that may follow an end (tolerance, events, billing, moves) were set up behind a void, which refuses them.
        var expected = IsAllowedAfterTheEnd(kind) || kind == "void" ? RefusalReason.SessionVoided : RefusalReason.SessionFinished;
        Assert.Equal((InputDisposition.Refused, expected), (other.Disposition, other.Reason));
    }

    [Fact]
    public void SameActionWithAnotherEffectiveTime_IsNotTheSameEntry()
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.Minutes(90);
        var at = chair.Now;
        Assert.True(chair.RemoveCap(at).IsAccepted);
        chair.Minutes(5);

        Assert.Equal(InputDisposition.Duplicate, chair.RemoveCap(at).Disposition);
        var later = chair.RemoveCap(at + TimeSpan.FromMinutes(1));
        Assert.Equal((InputDisposition.Refused, RefusalReason.SessionFinished), (later.Disposition, later.Reason));
    }

    [Fact]
    public void SameAdverseEventAndToleranceWithNoTime_TwentyMinutesLater_AreNewEntries_NotResends()
    {
        var chair = ReadyFor("adverse event");
        Assert.True(chair.Nurse(Entry("adverse event", null)).IsAccepted);
        Assert.True(chair.Nurse(Entry("tolerance", null)).IsAccepted);
        chair.Minutes(20);

        Assert.True(chair.Nurse(Entry("adverse event", null)).IsAccepted);
        Assert.True(chair.Nurse(Entry("tolerance", null)).IsAccepted);
        Assert.Equal(2, chair.Record.AdverseEvents.Count);
    }

    private static bool IsRepeatable(string kind) => kind is "tolerance" or "adverse event";

    private static bool IsAllowedAfterTheEnd(string kind) => kind is "tolerance" or "adverse event" or "billing details" or "course move";

    /// <summary>Ends the session so that the entry, sent again as a different one, is no longer possible (or voids it for those always possible).</summary>
    private static void EndTheSession(SessionScenario chair, string kind)
    {
        switch (kind)
        {
            case "cap removed" or "abort" or "void":
                break;
            case "infusion ended":
                chair.Minutes(90);
                Assert.True(chair.RemoveCap().IsAccepted);
                break;
            default:
                chair.Minutes(1);
                Assert.True(chair.Nurse(t => new VoidSession(t, Nurse, VoidReason.EnteredInError)).IsAccepted);
                break;
        }
    }

    private static SessionScenario ReadyFor(string kind)
    {
        var chair = new SessionScenario();
        if (kind == "infusion ended")
        {
            chair.RunToInfusing();
            chair.Minutes(60);
        }
        else
        {
            chair.RunToPostCooling();
            chair.Minutes(90);
        }

        return chair;
    }

    private static Func<DateTimeOffset, NurseAction> Entry(string kind, DateTimeOffset? effective, string? nurse = null)
    {
        var by = nurse ?? Nurse;
        return kind switch
        {
            "cap removed" => t => new RemoveCap(t, by, effective),
            "abort" => t => new AbortSession(t, by, AbortReason.Headache, effective, "pain at the temples"),
            "void" => t => new VoidSession(t, by, VoidReason.WrongPatient, effective),
            "tolerance" => t => new RecordTolerance(t, by, 7, effective),
            "adverse event" => t => new RecordAdverseEvent(t, by, AdverseEventKind.Shivering, effective, "mild"),
            "billing details" => t => new GiveBillingDetails(t, by, "V-100", new Billing.BillingDetails("1234567893", ["C50.911"], null)),
            "course move" => t => new MoveToCourse(t, by, "course-2"),
            "infusion ended" => t => new EndInfusion(t, by, effective),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
