using System.Net;
using System.Text.Json;
using InfusionSuite.Application.Ehr;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// One patient however the start was made (issue 14): typed by MRN, given by EHR id (<c>Patient/{id}</c>, read at the
/// EHR for the MRN), or filled by the start form's look-up (the MRN with the EHR id beside it) — one patient, one
/// course, one billing decision over the day. The EHR is a hand-written look-up (the FHIR adapter's own search is
/// tested against a real FHIR server in EhrPatientSearchTests).
/// </summary>
public sealed class EhrPatientIdentityTests : StationTest
{
    private HttpClient _nurse = null!;

    public override async Task InitializeAsync()
    {
        Host = await StationHost.StartAsync(StationHost.Settings(Db.Path), Clock, services =>
            services.AddSingleton<IEhrPatientLookup>(new OnePatientEhr("Patient/e-4242", "MRN-4242")));
        _nurse = Host.Client("alice");
    }

    public override async Task DisposeAsync()
    {
        _nurse.Dispose();
        await base.DisposeAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task OnePersonStartedByMrn_ByEhrId_AndByTheLookUp_IsOnePatient_OneCourse_OneBillingDecision()
    {
        var typed = await RunAsync(new StartBody("CHAIR-01", PatientReference: "MRN-4242", PatientName: "Ann Example", FirstOfCourse: true));
        var byEhrId = await RunAsync(new StartBody("CHAIR-01", PatientReference: "Patient/e-4242", PatientName: "Ann Example"));
        var lookedUp = await RunAsync(new StartBody("CHAIR-01", PatientReference: "MRN-4242", PatientName: "Ann Example", PatientEhrReference: "Patient/e-4242"));

        var pages = new[] { typed, byEhrId, lookedUp };
        Assert.All(pages, p => Assert.Equal("MRN-4242", p.GetProperty("patient").Text("reference")));
        Assert.Single(pages.Select(p => p.Text("courseId")).Distinct());
        var course = Assert.Single(lookedUp.GetProperty("billing").GetProperty("courses").EnumerateArray());
        Assert.Equal(3, course.GetProperty("sessions").GetInt32());
        Assert.True(Placement(typed).GetProperty("billable").GetBoolean());
        foreach (var later in new[] { byEhrId, lookedUp })
        {
            var placement = Placement(later);
            Assert.False(placement.GetProperty("billable").GetBoolean());
            Assert.Contains("SECOND_SESSION_SAME_DATE", placement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task AStartByAnEhrIdTheEhrDoesNotKnow_IsRefusedNamingThePatient_NothingStarts()
    {
        var (response, problem) = await _nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", PatientReference: "Patient/nobody"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("patientReference", out _), problem.ToString());
        var (_, recent) = await _nurse.GetJsonAsync("/api/sessions");
        Assert.Equal(0, recent.GetArrayLength());
    }

    [Fact(Timeout = 60_000)]
    public async Task NameFromTheEhrFamilyFirst_IsTheNameOnFileTypedGivenFirst_NoConfirmationAsked()
    {
        await RunAsync(new StartBody("CHAIR-01", PatientReference: "MRN-4242", PatientName: "Ann Example"));

        var (started, body) = await _nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-4242", PatientName: "Example,  ann", PatientEhrReference: "Patient/e-4242"));

        Assert.True(started.StatusCode == HttpStatusCode.Created, body.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task VisitGivenAsTheEhrsId_IsReadThereForItsVisitNumber_OneWithoutANumberOrUnknownIsAFieldError()
    {
        var page = await RunAsync(new StartBody("CHAIR-01", PatientReference: "MRN-4242", PatientName: "Ann Example", Encounter: "Encounter/v-77"));
        Assert.Equal("V-77", page.GetProperty("billing").GetProperty("details").Text("visit"));

        foreach (var visit in new[] { "Encounter/v-nonum", "Encounter/v-nowhere" })
        {
            var (refused, problem) = await _nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-4242", PatientName: "Ann Example", Encounter: visit));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty("encounter", out _), problem.ToString());
        }

        var (details, answer) = await _nurse.PostAsync($"/api/sessions/{page.Text("sessionId")}/billing-details", new { visit = "Encounter/v-nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, details.StatusCode);
        Assert.True(answer.GetProperty("errors").TryGetProperty("visit", out _), answer.ToString());
    }

    private static JsonElement Placement(JsonElement page) =>
        Assert.Single(page.GetProperty("billing").GetProperty("codes").EnumerateArray(), c => c.Text("code") == "97008");

    private async Task<JsonElement> RunAsync(StartBody start)
    {
        var (started, body) = await _nurse.PostAsync("/api/sessions", start);
        Assert.True(started.StatusCode == HttpStatusCode.Created, body.ToString());
        var id = body.Text("sessionId")!;
        foreach (var (minutes, step) in new[] { (3, "cap-placed"), (30, "infusion-started"), (60, "infusion-ended"), (40, "cap-removed") })
        {
            Clock.Advance(TimeSpan.FromMinutes(minutes));
            var (response, answer) = await _nurse.PostAsync($"/api/sessions/{id}/{step}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, step + ": " + answer);
        }

        Clock.Advance(TimeSpan.FromMinutes(5));
        return (await _nurse.GetJsonAsync("/api/sessions/" + id)).Body;
    }

    /// <summary>An EHR that knows one patient, by MRN and by id.</summary>
    private sealed class OnePatientEhr(string reference, string mrn) : IEhrPatientLookup
    {
        public bool IsConfigured => true;

        public Task<EhrPatientLookup> FindByMrnAsync(string mrnToFind, CancellationToken cancellationToken) =>
            Task.FromResult(new EhrPatientLookup(mrnToFind == mrn ? [Patient] : []));

        public Task<EhrPatientLookup> FindByReferenceAsync(string patientReference, CancellationToken cancellationToken) =>
            Task.FromResult(new EhrPatientLookup(patientReference == reference ? [Patient] : []));

        public Task<EhrVisitLookup> FindVisitAsync(string encounterReference, CancellationToken cancellationToken) => Task.FromResult(encounterReference switch
        {
            "Encounter/v-77" => new EhrVisitLookup(new EhrVisitMatch("Encounter/v-77", "V-77", "InProgress", null, null)),
            "Encounter/v-nonum" => new EhrVisitLookup(new EhrVisitMatch("Encounter/v-nonum", null, "InProgress", null, null)),
            _ => new EhrVisitLookup(null),
        });

        private EhrPatientMatch Patient => new(reference, mrn, "Example, Ann", "1970-04-02", []);
    }
}
