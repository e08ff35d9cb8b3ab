using Hl7.Fhir.Model;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>Procedure and ChargeItem codes from the code set in force on the date of service; a ChargeItem per billed code with its quantity.</summary>
public sealed class CodeSetMappingTests
{
    private readonly SessionBundleMapper _mapper = new(new FhirMappingOptions());

    [Fact]
    public void SessionIn2025_IsCodedWithTheCategoryIIICodes0663TAnd0662T()
    {
        var record = SimulatedSessions.FirstOfCourse("s-2025", new DateTimeOffset(2025, 11, 27, 14, 0, 0, TimeSpan.Zero));
        var bundle = _mapper.Map(record, SimulatedSessions.Context(record));

        var procedures = bundle.Entry.Select(e => e.Resource).OfType<Procedure>().ToList();
        Assert.Equal(["0663T", "0662T"], procedures.Select(p => p.Code.Coding[0].Code));
        Assert.Equal(["s-2025/0663T", "s-2025/0662T"], procedures.Select(p => p.Identifier[0].Value));
        Assert.Equal("Scalp cooling, mechanical; placement of device, monitoring, and removal of device", procedures[0].Code.Coding[0].Display);
        Assert.Equal(["0663T", "0662T"], bundle.Entry.Select(e => e.Resource).OfType<ChargeItem>().Select(c => c.Code.Coding[0].Code));
    }

    [Fact]
    public void PostInfusionCooling_IsOneChargeItem97009WithItsUnitsAsQuantityAndTheMinutesInTheNote()
    {
        var record = SimulatedSessions.Normal("s-units");
        var bundle = _mapper.Map(record, SimulatedSessions.Context(record));

        var time = bundle.Entry.Select(e => e.Resource).OfType<ChargeItem>().Single(c => c.Code.Coding[0].Code == "97009");
        Assert.Equal(ChargeItem.ChargeItemStatus.Billable, time.Status);
        Assert.Equal(3m, time.Quantity.Value);
        Assert.Contains("90 min of post-infusion cooling", time.Note[0].Text, StringComparison.Ordinal);
        var procedureUrl = bundle.Entry.Single(e => e.Resource is Procedure p && p.Code.Coding[0].Code == "97008").FullUrl;
        Assert.Equal(procedureUrl, time.Service.Single().Reference);
    }

    [Fact]
    public void FittingDoneInASessionStoppedLater_KeepsItsOwnCompletedStatus()
    {
        var record = SimulatedSessions.Aborted("s-fit");
        var context = SimulatedSessions.Context(record);
        var firstOfCourse = record with { Plan = record.Plan with { FirstOfCourse = true } };

        var procedures = _mapper.Map(firstOfCourse, context with { Charges = SimulatedSessions.Charges(firstOfCourse) })
            .Entry.Select(e => e.Resource).OfType<Procedure>().ToDictionary(p => p.Code.Coding[0].Code);

        Assert.Equal(EventStatus.Stopped, procedures["97008"].Status);
        Assert.Equal(EventStatus.Completed, procedures["97007"].Status);
    }

    [Fact]
    public void SiteCodeSet_DecidesTheProcedureCode()
    {
        var record = SimulatedSessions.Normal("s-payer");
        var policy = BillingPolicy.Default with { Codes = BillingCodeSet.Create(ShippedBillingCodes.CategoryIIIOpenEnded) };
        var mapper = new SessionBundleMapper(new FhirMappingOptions(), policy);

        var bundle = mapper.Map(record, SimulatedSessions.Context(record) with { Charges = SimulatedSessions.Charges(record, policy) });

        Assert.Equal("0663T", bundle.Entry.Select(e => e.Resource).OfType<Procedure>().Single().Code.Coding[0].Code);
        Assert.Equal(["0663T"], bundle.Entry.Select(e => e.Resource).OfType<ChargeItem>().Select(c => c.Code.Coding[0].Code));
    }
}
