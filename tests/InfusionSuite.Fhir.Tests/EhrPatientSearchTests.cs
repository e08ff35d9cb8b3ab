using Hl7.Fhir.Model;
using InfusionSuite.Application.Ehr;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// The start form's look-up against a real FHIR server in each capability mode: the patient by MRN with
/// the name and birth date, the open visits (latest first; a finished one left out), nothing for an
/// unknown MRN, and no look-up without an EHR.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed class EhrPatientSearchTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private const string MrnSystem = "urn:infusionsuite:mrn";
    private readonly FhirServerReader _reader = new(server);

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Theory]
    [InlineData("transaction")]
    [InlineData("epic")]
    [InlineData("millennium")]
    public async Task PatientByMrn_ComesWithTheOpenVisitsOnly_LatestFirst(string mode)
    {
        await server.Control($"mode?name={mode}");
        var patientId = await _reader.CreateAsync(new Patient
        {
            Identifier = [new Identifier(MrnSystem, "MRN-LOOK-1")],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = "Example", Given = ["Ann"] }],
            BirthDate = "1970-04-02",
        });
        var today = await VisitAsync(patientId, "V-2", Encounter.EncounterStatus.InProgress, "2026-11-27T08:00:00Z");
        var planned = await VisitAsync(patientId, "V-3", Encounter.EncounterStatus.Planned, "2026-11-20T08:00:00Z");
        await VisitAsync(patientId, "V-1", Encounter.EncounterStatus.Finished, "2026-11-01T08:00:00Z");
        using var harness = new DeliveryHarness(server.FhirBase);
        var lookup = harness.Services.GetRequiredService<IEhrPatientLookup>();

        var found = await lookup.FindByMrnAsync("MRN-LOOK-1", default);
        var none = await lookup.FindByMrnAsync("MRN-NOBODY", default);

        Assert.True(lookup.IsConfigured);
        Assert.Null(found.Problem);
        var patient = Assert.Single(found.Patients);
        Assert.Equal(("Patient/" + patientId, "Example, Ann", "1970-04-02"), (patient.Reference, patient.Name, patient.BirthDate));
        Assert.Equal(
            [("Encounter/" + today, "V-2", "InProgress"), ("Encounter/" + planned, "V-3", "Planned")],
            patient.Visits.Select(v => (v.Reference, v.VisitNumber, v.Status)));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), patient.Visits[0].Start);
        Assert.Empty(none.Patients);
        Assert.Null(none.Problem);
    }

    [Theory]
    [InlineData("transaction")]
    [InlineData("epic")]
    [InlineData("millennium")]
    public async Task PatientByEhrId_ComesWithTheMrn_TheIdentityKey_AnUnknownIdWithNone(string mode)
    {
        await server.Control($"mode?name={mode}");
        var patientId = await _reader.CreateAsync(new Patient
        {
            Identifier = [new Identifier("urn:other:system", "OTHER-1"), new Identifier(MrnSystem, "MRN-LOOK-2")],
            Name = [new HumanName { Family = "Example", Given = ["Ben"] }],
        });
        using var harness = new DeliveryHarness(server.FhirBase);
        var lookup = harness.Services.GetRequiredService<IEhrPatientLookup>();

        var found = await lookup.FindByReferenceAsync("Patient/" + patientId, default);
        var unknown = await lookup.FindByReferenceAsync("Patient/no-such-patient", default);

        Assert.Null(found.Problem);
        var patient = Assert.Single(found.Patients);
        Assert.Equal(("Patient/" + patientId, "MRN-LOOK-2"), (patient.Reference, patient.Mrn));
        Assert.Empty(unknown.Patients);
        Assert.Null(unknown.Problem);
    }

    [Fact]
    public async Task WithoutAnEhr_NothingIsLookedUp()
    {
        using var harness = new DeliveryHarness(null);
        var lookup = harness.Services.GetRequiredService<IEhrPatientLookup>();

        Assert.False(lookup.IsConfigured);
        Assert.NotNull((await lookup.FindByMrnAsync("MRN-LOOK-1", default)).Problem);
    }

    private Task<string> VisitAsync(string patientId, string number, Encounter.EncounterStatus status, string start) => _reader.CreateAsync(new Encounter
    {
        Identifier = [new Identifier("urn:infusionsuite:encounter", number)],
        Status = status,
        Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
        Subject = new ResourceReference($"Patient/{patientId}"),
        Period = new Period { Start = start },
    });
}
