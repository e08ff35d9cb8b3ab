using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Encoding;
using InfusionSuite.Hl7.Messages;
using static InfusionSuite.Hl7.Tests.Hl7Text;

namespace InfusionSuite.Hl7.Tests;

public sealed class SessionMessagesTests
{
    [Fact]
    public void CompletedFirstSession_IsOneOruAndOneDftPerBilledCode()
    {
        var record = Hl7Sessions.Completed("s-1");

        var messages = Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record));

        Assert.Equal(["ORU^R01", "DFT^P03", "DFT^P03"], messages.Select(m => m.MessageType));
        Assert.Equal(["0663T", "0662T"], messages.Skip(1).Select(m => Field(Segment(m.Text, "FT1"), 7).Split('^')[0]));
        Assert.Equal(messages.Count, messages.Select(m => m.ControlId).Distinct().Count());
        Assert.All(messages, m => Assert.Equal(m.ControlId, Field(Segment(m.Text, "MSH"), 10)));
    }

    [Fact]
    public void CapPlacedBeforeTheControllerCooled_PreCoolingObxIsTheMinutesCooling_AsTheNoteSays()
    {
        var completed = Hl7Sessions.Completed("s-pc");
        var record = completed with
        {
            Phases = [.. completed.Phases.Select(p => p.Phase == Domain.Sessions.SessionPhase.PreCooling ? p with { NotCooling = TimeSpan.FromMinutes(11) } : p)],
        };

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record)).Text;

        var values = All(oru, "OBX").ToDictionary(o => Field(o, 3).Split('^')[0] + "/" + Field(o, 4), o => Field(o, 5));
        Assert.Equal("19", values["ISC-PRECOOL-MIN/"]); // 30 min placed, 11 of them not cooling
        Assert.Equal("30", values["ISC-PRECOOL-TARGET/"]);
    }

    [Fact]
    public void Oru_CarriesTheSessionPeriodAndOneObxPerValue()
    {
        var record = Hl7Sessions.Completed("s-1");

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record)).Text;

        Assert.Equal(["MSH", "PID", "PV1", "OBR"], SegmentsOf(oru).Take(4).Select(s => s[..3]));
        var obr = Segment(oru, "OBR");
        Assert.Equal("s-1^INFUSIONSUITE", Field(obr, 3));
        Assert.Equal("20261127090200-0500", Field(obr, 7));
        Assert.Equal("20261127120700-0500", Field(obr, 8));
        Assert.Equal("F", Field(obr, 25));
        var values = All(oru, "OBX").ToDictionary(o => Field(o, 3).Split('^')[0] + "/" + Field(o, 4), o => Field(o, 5));
        Assert.Equal("30", values["ISC-PRECOOL-MIN/"]);
        Assert.Equal("30", values["ISC-PRECOOL-TARGET/"]);
        Assert.Equal("60", values["ISC-INFUSION-MIN/"]);
        Assert.Equal("90", values["ISC-POSTCOOL-MIN/"]);
        Assert.Equal("90", values["ISC-POSTCOOL-TARGET/"]);
        Assert.Equal("1", values["ISC-INT-COUNT/"]);
        Assert.Equal("8", values["ISC-INT-MIN/"]);
        Assert.Equal("8", values["ISC-INFUSION-INT/"]);
        Assert.StartsWith("INTERRUPTED^", values["ISC-DEVIATION/1"], StringComparison.Ordinal);
        Assert.Equal("CE", Field(All(oru, "OBX").Single(o => Field(o, 4) == "1"), 2));
        Assert.Equal("-4.0", values["150344/coolant.setpoint"]); // as the device sent it (issue 13)
        Assert.True(decimal.Parse(values["150388/scalp.min"], System.Globalization.CultureInfo.InvariantCulture) < 24m);
        Assert.Equal("M", values["ISC-CAP-SIZE/"]);
        Assert.Equal("2", values["ISC-TOLERANCE/"]);
        Assert.All(All(oru, "OBX"), o =>
        {
            Assert.Equal("F", Field(o, 11));
            Assert.Equal("CHAIR-07", Field(o, 18));
        });
        Assert.Equal(Enumerable.Range(1, All(oru, "OBX").Count()).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), All(oru, "OBX").Select(o => Field(o, 1)));
    }

    /// <summary>An aborted session's temperature OBX are observed at the abort, where their values stop, not at the CAP_OFF after it.</summary>
    [Fact]
    public void AbortedThenCapOff_TemperatureObxAreObservedAtTheAbort_TheSessionsPeriodRunsToTheCapOff()
    {
        var record = Hl7Sessions.AbortedThenCapOff("s-abort");

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record)).Text;

        static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Hl7Sessions.NewYork).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-0500";
        Assert.Equal(Local(record.PerformedPeriod!.Value.End), Field(Segment(oru, "OBR"), 8));
        var temperatures = All(oru, "OBX").Where(o => Field(o, 3).Contains("MDC_TEMP", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(temperatures);
        Assert.All(temperatures, o => Assert.Equal(Local(record.Abort!.At), Field(o, 14)));
    }

    [Fact]
    public void DeviceTemperatures_KeepTheDevicesDecimal_MeansHaveTwo()
    {
        var record = Hl7Sessions.Completed("s-1"); // coolant from -4.5 to -3.5 °C, mean -4, setpoint -4.0

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record)).Text;

        var values = All(oru, "OBX").Where(o => Field(o, 4).Contains('.', StringComparison.Ordinal)).ToDictionary(o => Field(o, 4), o => Field(o, 5));
        Assert.Equal("-4.5", values["coolant.min"]);
        Assert.Equal("-4.00", values["coolant.mean"]);
        Assert.Equal("-3.5", values["coolant.max"]);
        Assert.Equal("-4.0", values["coolant.setpoint"]);
        Assert.Matches(@"^-?\d+\.\d$", values["scalp.min"]);
        Assert.Matches(@"^-?\d+\.\d\d$", values["scalp.mean"]);
        Assert.Matches(@"^-?\d+\.\d$", values["scalp.max"]);
    }

    [Fact]
    public void ControllerClockFourMinutesSlow_IsNotedInTheOru_AsOnTheBoardAndInFhir()
    {
        var chair = new SessionScenario(start: Hl7Sessions.Morning) { DeviceClockOffset = -TimeSpan.FromMinutes(4) };
        chair.RunCompleteSession();
        var record = chair.Record;

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record)).Text;

        var clock = All(oru, "OBX").Single(o => Field(o, 3).StartsWith("ISC-CLOCK^", StringComparison.Ordinal));
        Assert.Equal("TX", Field(clock, 2));
        Assert.Equal(record.Controller.ClockSkew.Warning, Field(clock, 5));
        Assert.StartsWith("Controller clock 4 min 0 s slow", Field(clock, 5), StringComparison.Ordinal);
        var onTime = Hl7Sessions.Completed("s-2");
        Assert.DoesNotContain(All(Hl7Sessions.Messages().Observations(onTime, Hl7Sessions.Context(onTime)).Text, "OBX"), o => Field(o, 3).StartsWith("ISC-CLOCK^", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Encounter/enc-2001")]
    [InlineData("https://ehr.example/fhir/Encounter/enc-2001")]
    public void SessionWhoseVisitIsAnEhrId_NeverSendsTheIdAsTheVisitNumber(string encounter)
    {
        var record = Hl7Sessions.Completed("s-id", encounter: encounter);

        foreach (var message in Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record)))
        {
            Assert.Equal(string.Empty, Field(Segment(message.Text, "PV1"), 19));
            Assert.DoesNotContain("enc-2001", message.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Alice Testpatient")]
    [InlineData("Testpatient, Alice")]
    [InlineData("  testpatient ,  ALICE ")]
    public void Pid5_IsFamilyThenGiven_HoweverTheNameWasWritten(string written)
    {
        var (family, given) = Outbox.Hl7SessionContextReader.SplitName(written);

        Assert.Equal(("TESTPATIENT", "ALICE"), (family?.ToUpperInvariant(), given?.ToUpperInvariant()));
    }

    [Fact]
    public void Dft_CarriesTheChargeFields()
    {
        var record = Hl7Sessions.Completed("s-1");
        var options = Hl7Sessions.Options();
        options.ChargeModifiers["0663T"] = ["59"];

        var dft = Hl7Sessions.Messages(options).For(record, Hl7Sessions.Context(record))[1].Text;

        Assert.Equal(["MSH", "EVN", "PID", "PV1", "FT1"], SegmentsOf(dft).Select(s => s[..3]));
        Assert.Equal("DFT^P03^DFT_P03", Field(Segment(dft, "MSH"), 9));
        Assert.Equal("MRN-100234^^^MRN^MR", Field(Segment(dft, "PID"), 3));
        Assert.Equal("Rivera^Ana", Field(Segment(dft, "PID"), 5));
        Assert.Equal("V-778812", Field(Segment(dft, "PV1"), 19));
        var ft1 = Segment(dft, "FT1");
        Assert.Equal("20261127", Field(ft1, 4));
        Assert.Equal("20261127130000-0500", Field(ft1, 5));
        Assert.Equal("CG", Field(ft1, 6));
        Assert.Equal("0663T^Scalp cooling, mechanical; placement of device, monitoring, and removal of device^CPT", Field(ft1, 7));
        Assert.Equal("1", Field(ft1, 10));
        Assert.Equal("INFUSION", Field(ft1, 13));
        Assert.Equal("C50.911^Malignant neoplasm of unspecified site of right female breast^I10", Field(ft1, 19));
        Assert.Equal("1234567893^Okafor^Grace^^^^^^NPI^^^^NPI~user-52", Field(ft1, 20));
        Assert.Equal("1987654320^Lindqvist^Erik^^^^^^NPI^^^^NPI", Field(ft1, 21));
        Assert.Equal("59", Field(ft1, 26));
    }

    [Fact]
    public void Session2026_EachDftCarriesItsDecisionsCodeDisplayAndUnits_AndReadsBack()
    {
        var record = Hl7Sessions.Completed("s-11");
        var decisions = Hl7Sessions.Charges2026(record);

        var dfts = Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record) with { Charges = decisions }).Skip(1).ToList();

        Assert.Equal(3, dfts.Count);
        foreach (var dft in dfts)
        {
            var ft1 = Segment(dft.Text, "FT1");
            var decision = decisions.Single(d => d.Code == Field(ft1, 7).Split('^')[0]);
            Assert.Equal($"{decision.Code}^{decision.Display}^CPT", Field(ft1, 7));
            Assert.Equal(decision.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), Field(ft1, 10));
            Assert.Equal(decision.DateOfService.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), Field(ft1, 4));
            Assert.Equal(dft.Posting!.Line, Outbox.StoredHl7Messages.Read(dft.Text).Posting!.Line);
        }

        Assert.Equal("3", Field(Segment(dfts.Single(m => m.Posting!.Line.Code == "97009").Text, "FT1"), 10));
    }

    [Theory]
    [InlineData("2.5.1", "")]
    [InlineData("2.7", "0940")]
    public void SitePostingDetails_DepartmentChargeMasterModifierAndRevenueCode_AreInTheFt1_AndTheCreditRepeatsThem(string version, string revenueField)
    {
        var record = Hl7Sessions.Completed("s-12", firstOfCourse: false);
        var options = Hl7Sessions.Options();
        options.Version = version;
        options.ChargeModifiers["97008"] = ["59"];
        var decisions = Hl7Sessions.Charges2026(record).Select(d => d.Code == "97008"
            ? d with { Department = "ONC-INF", ChargeMaster = new ChargeMasterEntry("CDM-40097008", "0940"), Modifiers = ["52"] }
            : d with { Department = "ONC-INF" }).ToList();
        var messages = Hl7Sessions.Messages(options);

        var charge = messages.For(record, Hl7Sessions.Context(record) with { Charges = decisions })[1];
        var credit = messages.For(record, Hl7Sessions.Context(record) with { Charges = [], Charged = [charge.Posting!.Line] })[1];

        var ft1 = Segment(charge.Text, "FT1");
        Assert.Equal("97008^" + decisions[0].Display + "^CPT^CDM-40097008^^CDM", Field(ft1, 7));
        Assert.Equal("ONC-INF", Field(ft1, 13));
        Assert.Equal("52~59", Field(ft1, 26));
        Assert.Equal(revenueField, Field(ft1, 41));
        var credited = Segment(credit.Text, "FT1");
        Assert.Equal(("CD", Field(ft1, 7)), (Field(credited, 6), Field(credited, 7)));
        Assert.Equal("CDM-40097008", Outbox.StoredHl7Messages.Read(charge.Text).Posting!.Line.ChargeMasterNumber);
    }

    [Fact]
    public void VoidAfterCharging_CreditsEveryChargeAndMarksTheResultsWrong()
    {
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("s-2");
        var messages = Hl7Sessions.Messages();
        var charged = messages.For(completed, Hl7Sessions.Context(completed)).Where(m => m.Posting is not null).Select(m => m.Posting!.Line).ToList();

        var after = messages.For(voided, Hl7Sessions.Context(voided) with { Charged = charged, Correction = true });

        Assert.Equal(["ORU^R01", "DFT^P03", "DFT^P03"], after.Select(m => m.MessageType));
        Assert.All(All(after[0].Text, "OBX"), o => Assert.Equal("W", Field(o, 11)));
        Assert.Equal(["CD", "CD"], after.Skip(1).Select(m => Field(Segment(m.Text, "FT1"), 6)));
        Assert.Equal(charged.Select(c => c.Code), after.Skip(1).Select(m => Field(Segment(m.Text, "FT1"), 7).Split('^')[0]));
        var creditIds = after.Skip(1).Select(m => Field(Segment(m.Text, "FT1"), 2)).ToList();
        Assert.All(creditIds, id => Assert.Equal(12, id.Length));
        Assert.Empty(creditIds.Intersect(charged.Select(c => c.TransactionId)));
    }

    [Fact]
    public void ChangedDecision_SendsTheCreditBeforeTheCorrectedCharge()
    {
        var record = Hl7Sessions.Completed("s-3", firstOfCourse: false);
        var wrongDate = new ChargeLine("0663T", new DateOnly(2026, 11, 26), 1, "7A1C0E55D2B9");

        var messages = Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record) with { Charged = [wrongDate] });

        var ft1s = messages.Skip(1).Select(m => Segment(m.Text, "FT1")).ToList();
        Assert.Equal(["CD", "CG"], ft1s.Select(f => Field(f, 6)));
        Assert.Equal(["20261126", "20261127"], ft1s.Select(f => Field(f, 4)));
    }

    [Fact]
    public void ChargeIds_AreTwelveCharactersAndTheSameEachTimeTheyAreDerived()
    {
        var record = Hl7Sessions.Completed("s-9");
        var messages = Hl7Sessions.Messages();

        var first = messages.For(record, Hl7Sessions.Context(record)).Where(m => m.Posting is not null).Select(m => m.Posting!.Line.TransactionId).ToList();
        var second = messages.For(record, Hl7Sessions.Context(record)).Where(m => m.Posting is not null).Select(m => m.Posting!.Line.TransactionId).ToList();

        Assert.Equal(first, second);
        Assert.Equal(2, first.Distinct().Count());
        Assert.All(first, id => Assert.Matches("^[0-9A-F]{12}$", id));
    }

    [Fact]
    public void SiteOnVersion27_SendsCodedValuesAsCwe()
    {
        var record = Hl7Sessions.Completed("s-10");
        var options = Hl7Sessions.Options();
        options.Version = "2.7";

        var oru = Hl7Sessions.Messages(options).Observations(record, Hl7Sessions.Context(record)).Text;

        Assert.Equal("2.7", Field(Segment(oru, "MSH"), 12));
        Assert.Equal("CWE", Field(All(oru, "OBX").Single(o => Field(o, 4) == "1"), 2));
    }

    [Fact]
    public void AlreadyChargedAndUnchanged_IsNotChargedAgain()
    {
        var record = Hl7Sessions.Completed("s-4", firstOfCourse: false);
        var messages = Hl7Sessions.Messages();
        var charged = messages.For(record, Hl7Sessions.Context(record)).Where(m => m.Posting is not null).Select(m => m.Posting!.Line).ToList();

        var again = messages.For(record, Hl7Sessions.Context(record) with { Charged = charged, Correction = true });

        Assert.Equal(["ORU^R01"], again.Select(m => m.MessageType));
        Assert.All(All(again[0].Text, "OBX"), o => Assert.Equal("C", Field(o, 11)));
        Assert.Equal("C", Field(Segment(again[0].Text, "OBR"), 25));
    }

    [Fact]
    public void HeldCharge_IsNotSent()
    {
        var record = Hl7Sessions.Completed("s-5", firstOfCourse: false);
        var held = Hl7Sessions.Charges(record).Select(d => d with { Reasons = [NotBillableReason.PrimaryCodeNotAllowed] }).ToList();

        var messages = Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record) with { Charges = held });

        Assert.Equal(["ORU^R01"], messages.Select(m => m.MessageType));
    }

    [Fact]
    public void NoteWithDelimiters_IsEscapedInItsObxAndReadsBackIntact()
    {
        const string Note = @"Pt felt cold|asked for ^blanket~ & tea \ warm";
        var record = Hl7Sessions.Completed("s-6");

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record, Note)).Text;

        var note = All(oru, "OBX").Single(o => Field(o, 3).StartsWith("ISC-NOTE^", StringComparison.Ordinal));
        Assert.Equal("TX", Field(note, 2));
        Assert.Equal(Note, Hl7Escaping.Unescape(Field(note, 5), Hl7Delimiters.Default));
    }

    [Fact]
    public void AdverseEvents_AreCodedObxRowsNumberedBySubId_OtherCarriesTheNursesWordsEscaped()
    {
        const string Words = "rash | on the ^neck^";
        var record = Hl7Sessions.WithAdverseEvents("s-8", Words);

        var oru = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record)).Text;

        var rows = All(oru, "OBX").Where(o => Field(o, 3).StartsWith("ISC-ADVERSE-EVENT^", StringComparison.Ordinal)).ToList();
        Assert.Equal(["1", "2"], rows.Select(o => Field(o, 4)));
        Assert.All(rows, o => Assert.Equal("CE", Field(o, 2)));
        Assert.Equal("Headache^headache^99ISC", Field(rows[0], 5));
        var other = Field(rows[1], 5);
        Assert.StartsWith("Other^", other, StringComparison.Ordinal);
        Assert.Equal("other: " + Words, Hl7Escaping.Unescape(other.Split('^')[1], Hl7Delimiters.Default));
        Assert.Equal(Hl7Timestamps.Instant(record.AdverseEvents[1].At, Hl7Sessions.NewYork), Field(rows[1], 14));
    }

    [Fact]
    public void SiteObservationCode_ReplacesTheDefaultInObx3()
    {
        var record = Hl7Sessions.Completed("s-7");
        var options = Hl7Sessions.Options();
        options.ObservationCodes[ObservationKeys.Tolerance] = new Hl7ObservationCode { Code = "3040100123", Text = "Scalp cooling tolerance", CodingSystem = "EPIC-FLO" };

        var oru = Hl7Sessions.Messages(options).Observations(record, Hl7Sessions.Context(record)).Text;

        var tolerance = All(oru, "OBX").Single(o => Field(o, 3).StartsWith("3040100123^", StringComparison.Ordinal));
        Assert.Equal("3040100123^Scalp cooling tolerance^EPIC-FLO", Field(tolerance, 3));
        Assert.Equal("2", Field(tolerance, 5));
    }

    [Fact]
    public void RunningSession_IsRefused()
    {
        var record = Hl7Sessions.Completed("s-8") with { Status = Domain.Sessions.SessionStatus.PostCooling };

        Assert.Throws<ArgumentException>(() => Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record)));
    }
}
