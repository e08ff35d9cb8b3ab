using InfusionSuite.Hl7.Encoding;
using InfusionSuite.Hl7.Segments;
using static InfusionSuite.Hl7.Tests.Hl7Text;

namespace InfusionSuite.Hl7.Tests;

/// <summary>Every field each segment writes, at its HL7 position.</summary>
public sealed class SegmentFieldTests
{
    [Fact]
    public void Msh_WritesDelimitersAndHeaderFieldsAtTheirPositions()
    {
        var msh = Encoded(new Msh
        {
            SendingApplication = "INFUSIONSUITE",
            SendingFacility = "NORTH-ONC",
            ReceivingApplication = "EPIC",
            ReceivingFacility = "NORTH",
            CreatedAt = "20261127090509-0500",
            MessageType = ("ORU", "R01", "ORU_R01"),
            ControlId = "0A1B2C3D4E5F60718293",
            ProcessingId = "P",
            Version = "2.5.1",
            CharacterSet = "UNICODE UTF-8",
        });

        Assert.Equal("|", Field(msh, 1));
        Assert.Equal(@"^~\&", Field(msh, 2));
        Assert.Equal("INFUSIONSUITE", Field(msh, 3));
        Assert.Equal("NORTH-ONC", Field(msh, 4));
        Assert.Equal("EPIC", Field(msh, 5));
        Assert.Equal("NORTH", Field(msh, 6));
        Assert.Equal("20261127090509-0500", Field(msh, 7));
        Assert.Equal("", Field(msh, 8));
        Assert.Equal("ORU^R01^ORU_R01", Field(msh, 9));
        Assert.Equal("0A1B2C3D4E5F60718293", Field(msh, 10));
        Assert.Equal("P", Field(msh, 11));
        Assert.Equal("2.5.1", Field(msh, 12));
        Assert.Equal("UNICODE UTF-8", Field(msh, 18));
    }

    [Fact]
    public void Evn_WritesEventTypeAndRecordedTime()
    {
        var evn = Encoded(new Evn("P03", "20261127130000-0500"));

        Assert.Equal(["EVN", "P03", "20261127130000-0500"], evn);
    }

    [Fact]
    public void Pid_WritesIdentifierWithAuthorityAndTypeAndName()
    {
        var pid = Encoded(new Pid { PatientId = "MRN-1", AssigningAuthority = "MRN", IdentifierType = "MR", FamilyName = "O|Brien", GivenName = "Ana" });

        Assert.Equal("1", Field(pid, 1));
        Assert.Equal("MRN-1^^^MRN^MR", Field(pid, 3));
        Assert.Equal(@"O\F\Brien^Ana", Field(pid, 5));
        Assert.Equal(6, pid.Length);
    }

    [Fact]
    public void Pv1_WritesClassLocationAndVisitNumber()
    {
        var pv1 = Encoded(new Pv1 { PointOfCare = "INFUSION", Bed = "CHAIR-07", VisitNumber = "V-1" });

        Assert.Equal("1", Field(pv1, 1));
        Assert.Equal("O", Field(pv1, 2));
        Assert.Equal("INFUSION^^CHAIR-07", Field(pv1, 3));
        Assert.Equal("V-1", Field(pv1, 19));
        Assert.Equal(20, pv1.Length);
    }

    [Fact]
    public void Ft1_WritesEveryChargeFieldAtItsPosition()
    {
        var ft1 = Encoded(new Ft1
        {
            TransactionId = "s-1-0663T-20261127-CG",
            DateOfService = new DateOnly(2026, 11, 27),
            PostedAt = "20261127130000-0500",
            TransactionType = "CG",
            TransactionCode = new Hl7Code("0663T", "Scalp cooling placement", "CPT"),
            Units = 1,
            Department = new Hl7Code("INFUSION", null, null),
            Diagnoses = [new Hl7Code("C50.911", "Breast", "I10"), new Hl7Code("Z51.11", "Chemotherapy", "I10")],
            PerformedBy = [new Hl7Person("1234567893", "Okafor", "Grace", "NPI", "NPI"), new Hl7Person("user-52")],
            OrderedBy = new Hl7Person("1987654320", "Lindqvist", "Erik", "NPI", "NPI"),
            Modifiers = ["59", "GA"],
        });

        Assert.Equal("1", Field(ft1, 1));
        Assert.Equal("s-1-0663T-20261127-CG", Field(ft1, 2));
        Assert.Equal("", Field(ft1, 3));
        Assert.Equal("20261127", Field(ft1, 4));
        Assert.Equal("20261127130000-0500", Field(ft1, 5));
        Assert.Equal("CG", Field(ft1, 6));
        Assert.Equal("0663T^Scalp cooling placement^CPT", Field(ft1, 7));
        Assert.Equal("1", Field(ft1, 10));
        Assert.Equal("INFUSION", Field(ft1, 13));
        Assert.Equal("C50.911^Breast^I10~Z51.11^Chemotherapy^I10", Field(ft1, 19));
        Assert.Equal("1234567893^Okafor^Grace^^^^^^NPI^^^^NPI~user-52", Field(ft1, 20));
        Assert.Equal("1987654320^Lindqvist^Erik^^^^^^NPI^^^^NPI", Field(ft1, 21));
        Assert.Equal("59~GA", Field(ft1, 26));
        Assert.Equal(27, ft1.Length);
    }

    [Fact]
    public void Obr_WritesSessionIdServicePeriodAndStatus()
    {
        var obr = Encoded(new Obr
        {
            FillerOrderNumber = "s-1",
            FillerNamespace = "INFUSIONSUITE",
            Service = new Hl7Code("ISC-SESSION", "Scalp cooling session", "99ISC"),
            ObservedFrom = "20261127090200-0500",
            ObservedTo = "20261127123700-0500",
            ReportedAt = "20261127130000-0500",
            ResultStatus = "F",
        });

        Assert.Equal("1", Field(obr, 1));
        Assert.Equal("", Field(obr, 2));
        Assert.Equal("s-1^INFUSIONSUITE", Field(obr, 3));
        Assert.Equal("ISC-SESSION^Scalp cooling session^99ISC", Field(obr, 4));
        Assert.Equal("20261127090200-0500", Field(obr, 7));
        Assert.Equal("20261127123700-0500", Field(obr, 8));
        Assert.Equal("20261127130000-0500", Field(obr, 22));
        Assert.Equal("F", Field(obr, 25));
        Assert.Equal(26, obr.Length);
    }

    [Fact]
    public void Obx_WritesTypeCodeSubIdValueUnitsStatusTimeAndController()
    {
        var obx = Encoded(new Obx
        {
            SetId = 4,
            ValueType = "NM",
            Code = new Hl7Code("150344", "MDC_TEMP", "MDC"),
            SubId = "coolant.min",
            Value = ["-4.5"],
            Units = new Hl7Code("Cel", "Cel", "UCUM"),
            ResultStatus = "C",
            ObservedAt = "20261127123700-0500",
            EquipmentId = "CHAIR-07",
        });

        Assert.Equal("4", Field(obx, 1));
        Assert.Equal("NM", Field(obx, 2));
        Assert.Equal("150344^MDC_TEMP^MDC", Field(obx, 3));
        Assert.Equal("coolant.min", Field(obx, 4));
        Assert.Equal("-4.5", Field(obx, 5));
        Assert.Equal("Cel^Cel^UCUM", Field(obx, 6));
        Assert.Equal("C", Field(obx, 11));
        Assert.Equal("20261127123700-0500", Field(obx, 14));
        Assert.Equal("CHAIR-07", Field(obx, 18));
        Assert.Equal(19, obx.Length);
    }

    private static string[] Encoded(IHl7Segment segment)
    {
        var text = new Hl7Message([segment]).Encode(Hl7Delimiters.Default);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
        return Segment(text, segment.Id);
    }
}
