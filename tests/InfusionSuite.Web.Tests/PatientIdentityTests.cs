using System.Net;
using System.Text.Json;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Patient identity (issue 13, patient safety): each session keeps the name entered at its start; a
/// second running session for the same MRN, or a name unlike the one on file, starts only once the
/// nurse confirms it, and the confirmation is audited; a wrong-patient void takes the name off the
/// card; a start retried with its own session id is answered with that session.
/// </summary>
public sealed class PatientIdentityTests : StationTest
{
    private HttpClient _nurse = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _nurse = Host.Client("alice");
    }

    public override async Task DisposeAsync()
    {
        _nurse.Dispose();
        await base.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task SecondSessionForTheSameMrn_UnderAnotherName_NeedsConfirmation_AndNeverRenamesTheFirst()
    {
        var first = await StartedAsync(new StartBody("CHAIR-01", PatientReference: "MRN-900333", PatientName: "Third Patient"));

        var (refused, problem) = await _nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-900333", PatientName: "Someone Else"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("NeedsConfirmation", problem.Text("reason"));
        Assert.Equal("identityConfirmed", problem.Text("field"));
        Assert.Contains("Another session is running for this patient on CHAIR-01.", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("The name on file for this patient is \"Third Patient\".", problem.Text("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain((await BoardAsync()).GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-02" && c.Text("sessionId") is not null);

        var second = await StartedAsync(new StartBody("CHAIR-02", PatientReference: "MRN-900333", PatientName: "Someone Else", IdentityConfirmed: true));

        var board = await BoardAsync();
        Assert.Equal("Third Patient", Chair(board, "CHAIR-01").GetProperty("patient").Text("name"));
        Assert.Equal("Someone Else", Chair(board, "CHAIR-02").GetProperty("patient").Text("name"));
        Assert.Equal("Third Patient", (await PageAsync(first)).GetProperty("patient").Text("name"));
        var (_, recent) = await _nurse.GetJsonAsync("/api/sessions");
        Assert.Equal("Third Patient", recent.EnumerateArray().Single(s => s.Text("sessionId") == first).GetProperty("patient").Text("name"));

        var start = Assert.Single((await PageAsync(second)).GetProperty("audit").EnumerateArray(), a => a.Text("action") == "StartSession");
        var change = start.Text("change")!;
        Assert.Contains("identity confirmed by the nurse: another session running for the patient, name differs from the one on file", change, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone", change, StringComparison.Ordinal);
        var firstStart = Assert.Single((await PageAsync(first)).GetProperty("audit").EnumerateArray(), a => a.Text("action") == "StartSession");
        Assert.DoesNotContain("identity", firstStart.Text("change")!, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task NameUnlikeTheOneOnFile_NeedsConfirmation_TheSameNameWrittenDifferently_DoesNot()
    {
        var first = await StartedAsync(new StartBody("CHAIR-01", PatientReference: "MRN-77", PatientName: "Ana Rivera"));
        Assert.Equal(HttpStatusCode.OK, (await _nurse.PostAsync($"/api/sessions/{first}/void", new { reason = "EnteredInError" })).Response.StatusCode);

        // No session runs for MRN-77 now: only the name is checked.
        var (refused, problem) = await _nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-77", PatientName: "Anna Riviera"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("NeedsConfirmation", problem.Text("reason"));
        Assert.DoesNotContain("Another session", problem.Text("detail"), StringComparison.Ordinal);

        await StartedAsync(new StartBody("CHAIR-02", PatientReference: "MRN-77", PatientName: "  ana  RIVERA "));
    }

    [Fact(Timeout = 30_000)]
    public async Task WrongPatientVoid_TakesTheNameOffTheCard()
    {
        var id = await StartedAsync(new StartBody("CHAIR-01", PatientReference: "MRN-55", PatientName: "Wrong Person"));
        Assert.Equal("Wrong Person", Chair(await BoardAsync(), "CHAIR-01").GetProperty("patient").Text("name"));

        Assert.Equal(HttpStatusCode.OK, (await _nurse.PostAsync($"/api/sessions/{id}/void", new { reason = "WrongPatient" })).Response.StatusCode);

        var card = Chair(await BoardAsync(), "CHAIR-01"); // a configured chair: it stays on the board, naming no one
        Assert.Equal(id, card.Text("sessionId"));
        Assert.Equal(JsonValueKind.Null, card.GetProperty("patient").ValueKind);
    }

    [Fact(Timeout = 30_000)]
    public async Task WrongPatientVoid_TheSessionIsInNoCourseOfThatMrn_TheNextSessionDoesNotJoinItsCourse()
    {
        var wrong = await StartedAsync(new StartBody("CHAIR-06", PatientReference: "MRN-606", PatientName: "Wrong Person", FirstOfCourse: true));
        var wrongCourse = (await PageAsync(wrong)).Text("courseId")!;
        Assert.Equal(HttpStatusCode.OK, (await _nurse.PostAsync($"/api/sessions/{wrong}/void", new { reason = "WrongPatient" })).Response.StatusCode);

        // The MRN's real patient comes next, not as the first of a course: the wrong-patient session's course is none of theirs.
        var right = await StartedAsync(new StartBody("CHAIR-07", PatientReference: "MRN-606", PatientName: "Right Person"));
        var page = await PageAsync(right);
        Assert.NotEqual(wrongCourse, page.Text("courseId"));
        var courses = page.GetProperty("billing").GetProperty("courses").EnumerateArray().ToList();
        var only = Assert.Single(courses);
        Assert.Equal(page.Text("courseId"), only.Text("courseId"));
        Assert.Equal(1, only.GetProperty("sessions").GetInt32());

        var (_, course) = await _nurse.GetJsonAsync("/api/courses/" + Uri.EscapeDataString(wrongCourse));
        Assert.DoesNotContain(course.GetProperty("sessions").EnumerateArray(), s => s.Text("sessionId") == wrong);
        Assert.Equal(0, course.GetProperty("chemotherapySessionsGiven").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task RunningSession_ApiLivePart_CarriesThePatientAsEntered_OnlyForRolesThatSeePatientData()
    {
        var id = await StartedAsync(new StartBody("CHAIR-08", PatientReference: "MRN-808", PatientName: "Live Patient"));

        var live = (await PageAsync(id)).GetProperty("live");
        Assert.Equal("Live Patient", live.GetProperty("patient").Text("name"));
        Assert.Equal("MRN-808", live.GetProperty("patient").Text("reference"));

        using var engineer = Host.Client("eve");
        var (_, page) = await engineer.GetJsonAsync("/api/sessions/" + id);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("live").GetProperty("patient").ValueKind);
        Assert.DoesNotContain("Live Patient", page.GetRawText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task StartRetriedWithItsSessionId_IsAnsweredWithThatSession_AnotherStartUnderTheIdIsRefused()
    {
        var request = new StartBody("CHAIR-04", PatientReference: "MRN-404", PatientName: "Retry Patient", SessionId: "visit-404-a");
        var first = await StartedAsync(request);
        Assert.Equal("visit-404-a", first);

        var (again, body) = await _nurse.PostAsync("/api/sessions", request);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("visit-404-a", body.Text("sessionId"));
        Assert.Equal("Duplicate", body.Text("outcome"));
        Assert.Equal("Retry Patient", (await PageAsync(first)).GetProperty("patient").Text("name"));

        var (other, _) = await _nurse.PostAsync("/api/sessions", request with { ControllerId = "CHAIR-05", PatientReference = "MRN-405" });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
    }

    private async Task<string> StartedAsync(StartBody body)
    {
        var (response, json) = await _nurse.PostAsync("/api/sessions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"start on {body.ControllerId}: {(int)response.StatusCode} {json}");
        return json.Text("sessionId")!;
    }

    private async Task<JsonElement> BoardAsync() => (await _nurse.GetJsonAsync("/api/board")).Body;

    private async Task<JsonElement> PageAsync(string id) => (await _nurse.GetJsonAsync("/api/sessions/" + id)).Body;

    private static JsonElement Chair(JsonElement board, string controllerId) =>
        board.GetProperty("chairs").EnumerateArray().Single(c => c.Text("controllerId") == controllerId);
}
