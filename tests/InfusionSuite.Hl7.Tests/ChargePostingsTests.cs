using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Tests;

/// <summary>What a session's decisions post: each FT1 as decided (code, display, date of service, units), credits before charges.</summary>
public sealed class ChargePostingsTests
{
    [Fact]
    public void Session2026_PostsEachCodeAsDecided_TimeUnitsFromTheMeasuredMinutes()
    {
        var record = Hl7Sessions.Completed("cp-1");
        var decisions = Hl7Sessions.Charges2026(record);

        var postings = ChargePostings.For(record, Hl7Sessions.Context(record) with { Charges = decisions });

        Assert.All(postings, p => Assert.False(p.Credit));
        Assert.Equal(
            [("97008", 1), ("97009", 3), ("97007", 1)],
            postings.Select(p => (p.Line.Code, p.Line.Units)));
        foreach (var posting in postings)
        {
            var decision = decisions.Single(d => d.Code == posting.Line.Code);
            Assert.Equal(decision.Units, posting.Line.Units);
            Assert.Equal(decision.DateOfService, posting.Line.DateOfService);
            Assert.Equal(decision.Display, posting.Line.Display);
            Assert.NotEmpty(posting.Line.Display!);
        }
    }

    [Fact]
    public void ChangedUnitCount_CreditsTheOldChargeThenChargesTheNewUnits_UnderAnotherTransactionId()
    {
        var record = Hl7Sessions.Completed("cp-2", firstOfCourse: false);
        var decisions = Hl7Sessions.Charges2026(record);
        var twoUnits = decisions.Select(d => d.Code == ScalpCoolingCodes.PostInfusionTime ? d with { Units = 2 } : d).ToList();
        var charged = ChargePostings.For(record, Hl7Sessions.Context(record) with { Charges = twoUnits }).Select(p => p.Line).ToList();

        var postings = ChargePostings.For(record, Hl7Sessions.Context(record) with { Charges = decisions, Charged = charged });

        Assert.Equal([("97009", 2, true), ("97009", 3, false)], postings.Select(p => (p.Line.Code, p.Line.Units, p.Credit)));
        var oldCharge = charged.Single(c => c.Code == ScalpCoolingCodes.PostInfusionTime).TransactionId;
        Assert.Equal(3, new[] { oldCharge, postings[0].Line.TransactionId, postings[1].Line.TransactionId }.Distinct().Count());
    }

    [Fact]
    public void SameDecisionsAgain_PostNothing()
    {
        var record = Hl7Sessions.Completed("cp-3");
        var context = Hl7Sessions.Context(record) with { Charges = Hl7Sessions.Charges2026(record) };
        var charged = ChargePostings.For(record, context).Select(p => p.Line).ToList();

        Assert.Empty(ChargePostings.For(record, context with { Charged = charged }));
    }

    [Fact]
    public void HeldOrNotBillable_IsNotPosted()
    {
        var record = Hl7Sessions.Completed("cp-4");
        var decisions = Hl7Sessions.Charges2026(record).Select(d => d.Scope switch
        {
            BillingCodeScope.Session => d with { Held = [HeldReason.NoVisit] },
            BillingCodeScope.Time => d with { Reasons = [NotBillableReason.BelowOneTimeUnit] },
            _ => d,
        }).ToList();

        var postings = ChargePostings.For(record, Hl7Sessions.Context(record) with { Charges = decisions });

        Assert.Equal(["97007"], postings.Select(p => p.Line.Code));
    }

    [Fact]
    public void DecisionsOfAnotherSession_AreIgnored()
    {
        var record = Hl7Sessions.Completed("cp-5");
        var others = Hl7Sessions.Charges2026(record).Select(d => d with { SessionId = "another" }).ToList();

        Assert.Empty(ChargePostings.For(record, Hl7Sessions.Context(record) with { Charges = others }));
    }

    [Fact]
    public void Voided_CreditsEveryCharge_WithItsUnitsAndDisplay()
    {
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("cp-6");
        var charged = ChargePostings.For(completed, Hl7Sessions.Context(completed) with { Charges = Hl7Sessions.Charges2026(completed) }).Select(p => p.Line).ToList();

        var postings = ChargePostings.For(voided, Hl7Sessions.Context(voided) with { Charges = Hl7Sessions.Charges2026(voided), Charged = charged });

        Assert.All(postings, p => Assert.True(p.Credit));
        Assert.Equal(charged.Select(c => (c.Code, c.Units, c.Display)), postings.Select(p => (p.Line.Code, p.Line.Units, p.Line.Display)));
        Assert.Empty(postings.Select(p => p.Line.TransactionId).Intersect(charged.Select(c => c.TransactionId)));
    }
}
