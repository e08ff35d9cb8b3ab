using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// A course over REST and on its page: chemotherapy given without cooling counts in adherence, the
/// follow-up four weeks after the last dose decides the result, bad entries are 400 naming the field;
/// the suite report, its CSV and the chair-planning answer on the session run here.
/// </summary>
public sealed class CourseApiTests : StationTest
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

    [Fact(Timeout = 60_000)]
    public async Task NurseDocumentsACourse_AdherenceCountsTheSessionNotCooled_AndTheFollowUpDecides()
    {
        var courseId = await RunSessionAsync();
        var course = "/api/courses/" + Uri.EscapeDataString(courseId);

        var (stored, entry) = await _nurse.PostAsync(course + "/not-cooled", new { reason = "NoChairOrDevice", entryId = "nc-1" });
        var (again, repeat) = await _nurse.PostAsync(course + "/not-cooled", new { reason = "NoChairOrDevice", entryId = "nc-1" });
        Assert.Equal((HttpStatusCode.OK, "Stored"), (stored.StatusCode, entry.Text("outcome")));
        Assert.Equal((HttpStatusCode.OK, "Duplicate"), (again.StatusCode, repeat.Text("outcome")));

        var (_, view) = await _nurse.GetJsonAsync(course);
        Assert.Equal((1, 2, 50.0), (view.GetProperty("sessionsCooled").GetInt32(), view.GetProperty("chemotherapySessionsGiven").GetInt32(), view.GetProperty("adherencePercent").GetDouble()));
        Assert.Equal("InProgress", view.Text("result"));
        var session = view.GetProperty("sessions")[0];
        Assert.Equal((30, 30, 60, 110, 90), (
            session.GetProperty("preCoolingMinutes").GetInt32(), session.GetProperty("preCoolingTargetMinutes").GetInt32(),
            session.GetProperty("infusionMinutes").GetInt32(), session.GetProperty("postCoolingMinutes").GetInt32(),
            session.GetProperty("postCoolingTargetMinutes").GetInt32()));
        Assert.Equal("Alice Nurse", view.GetProperty("notCooled")[0].Text("by"));

        Assert.Equal(HttpStatusCode.OK, (await _nurse.PostAsync(course + "/assessments", new { dean = 1, ctcaeGrade = 1 })).Response.StatusCode);
        Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal("FollowUpDue", (await _nurse.GetJsonAsync(course)).Body.Text("result"));

        Assert.Equal(HttpStatusCode.OK, (await _nurse.PostAsync(course + "/assessments", new { dean = 2 })).Response.StatusCode);
        var (_, decided) = await _nurse.GetJsonAsync(course);
        Assert.Equal("Success", decided.Text("result"));
        Assert.Equal(2, decided.GetProperty("followUp").GetProperty("dean").GetInt32());
        Assert.Equal(["FHIR", "FHIR"], decided.GetProperty("delivery").EnumerateArray().Select(d => d.Text("channel")!).ToArray());

        var page = WebUtility.HtmlDecode(await _nurse.GetStringAsync("/courses/" + Uri.EscapeDataString(courseId)));
        Assert.Contains("Success: Dean ≤ 2 at the follow-up", page, StringComparison.Ordinal);
        Assert.Contains("50.0 % (1 of 2 chemotherapy sessions cooled)", page, StringComparison.Ordinal);
        Assert.Contains("No chair or device", page, StringComparison.Ordinal);
        Assert.Contains("Not sent: no EHR configured (kept for export)", page, StringComparison.Ordinal);

        // The course list finds the course without going through a session or the audit.
        var list = WebUtility.HtmlDecode(await _nurse.GetStringAsync("/courses?result=Success"));
        Assert.Contains($"data-course=\"{courseId}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-course=", WebUtility.HtmlDecode(await _nurse.GetStringAsync("/courses?result=NotSuccess")), StringComparison.Ordinal);
        using var engineer = Host.Client("eve");
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/courses")).StatusCode);

        // Course entries are in the audit, by whom and what.
        using var admin = Host.Client("ada");
        var entries = (await admin.GetJsonAsync("/api/audit")).Body.GetProperty("courseEntries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.Text("entry") == "Given, not cooled" && e.Text("by") == "Alice Nurse" && e.Text("what") == "No chair or device");
        Assert.Contains(entries, e => e.Text("entry") == "Outcome assessment" && e.Text("what") == "Dean 2 (> 25–50 %)");
    }

    [Fact(Timeout = 60_000)]
    public async Task CorrectedFollowUp_DecidesTheResultAndTheReport_EnteredInError_StopsCounting_BothAudited()
    {
        var courseId = await RunSessionAsync();
        var course = "/api/courses/" + Uri.EscapeDataString(courseId);
        Clock.Advance(TimeSpan.FromDays(29));
        var (_, followUp) = await _nurse.PostAsync(course + "/assessments", new { dean = 3, ctcaeGrade = 2 });
        var assessment = course + "/assessments/" + followUp.Text("id");
        Assert.Equal("NotSuccess", (await _nurse.GetJsonAsync(course)).Body.Text("result"));

        // Corrected (stored once when retried): the corrected Dean decides the course and the report.
        Clock.Advance(TimeSpan.FromMinutes(5));
        var fix = new { dean = 2, ctcaeGrade = 1, reason = "scored from the wrong photo", changeId = "fix-1" };
        var (stored, answer) = await _nurse.PostAsync(assessment + "/correction", fix);
        Assert.Equal((HttpStatusCode.OK, "Stored"), (stored.StatusCode, answer.Text("outcome")));
        Assert.Equal("Duplicate", (await _nurse.PostAsync(assessment + "/correction", fix)).Body.Text("outcome"));
        var (_, corrected) = await _nurse.GetJsonAsync(course);
        Assert.Equal("Success", corrected.Text("result"));
        var shown = corrected.GetProperty("followUp");
        Assert.Equal((2, 1), (shown.GetProperty("dean").GetInt32(), shown.GetProperty("ctcaeGrade").GetInt32()));
        Assert.Equal(("Corrected", "scored from the wrong photo", "Alice Nurse"), (shown.GetProperty("change").Text("kind"), shown.GetProperty("change").Text("reason"), shown.GetProperty("change").Text("by")));
        Assert.Equal(1, (await _nurse.GetJsonAsync("/api/reports/suite")).Body.GetProperty("overall").GetProperty("successes").GetInt32());
        Assert.Equal(["Outcome", "Correction"], (await OutboxAsync(courseId)).Select(i => i.Kind.ToString()));

        // Entered in error: it stops counting (the follow-up is due again) and is withdrawn at the EHR; no correction after that.
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await _nurse.PostAsync(assessment + "/entered-in-error", new { reason = "another patient's assessment" })).Response.StatusCode);
        var (_, withdrawn) = await _nurse.GetJsonAsync(course);
        Assert.Equal("FollowUpDue", withdrawn.Text("result"));
        Assert.Equal(0, withdrawn.GetProperty("assessments").GetArrayLength());
        var listed = Assert.Single(withdrawn.GetProperty("enteredInError").EnumerateArray());
        Assert.Equal(("EnteredInError", 2), (listed.GetProperty("change").Text("kind"), listed.GetProperty("dean").GetInt32()));
        Assert.Equal(0, (await _nurse.GetJsonAsync("/api/reports/suite")).Body.GetProperty("overall").GetProperty("successes").GetInt32());
        Assert.Equal(["Outcome", "Correction", "Void"], (await OutboxAsync(courseId)).Select(i => i.Kind.ToString()));
        var (refused, problem) = await _nurse.PostAsync(assessment + "/correction", new { dean = 1, reason = "again" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("assessmentId", out _), problem.ToString());

        var page = WebUtility.HtmlDecode(await _nurse.GetStringAsync("/courses/" + Uri.EscapeDataString(courseId)));
        Assert.Contains("Entered in error (not counted)", page, StringComparison.Ordinal);
        Assert.Contains("another patient's assessment", page, StringComparison.Ordinal);
        using var admin = Host.Client("ada");
        var entries = (await admin.GetJsonAsync("/api/audit")).Body.GetProperty("courseEntries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.Text("entry") == "Assessment corrected" && e.Text("by") == "Alice Nurse" && e.Text("what")!.StartsWith("Dean 2 (> 25–50 %); CTCAE alopecia 1; reason: scored from the wrong photo", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Text("entry") == "Assessment entered in error" && e.Text("what")!.StartsWith("reason: another patient's assessment", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Text("entry") == "Outcome assessment" && e.Text("what") == "Dean 3 (> 50–75 %); CTCAE alopecia 2");
    }

    [Fact(Timeout = 60_000)]
    public async Task Corrections_NeedTheReason_UnknownAssessmentIs404_OnlyNursesCorrect()
    {
        var courseId = await RunSessionAsync();
        var course = "/api/courses/" + Uri.EscapeDataString(courseId);
        var (_, recorded) = await _nurse.PostAsync(course + "/assessments", new { dean = 1 });
        var assessment = course + "/assessments/" + recorded.Text("id");

        foreach (var (url, body, field) in new (string, object, string)[]
        {
            (assessment + "/correction", new { dean = 2 }, "reason"),
            (assessment + "/correction", new { reason = "typo" }, "dean"),
            (assessment + "/correction", new { dean = 7, reason = "typo" }, "dean"),
            (assessment + "/entered-in-error", new { }, "reason"),
        })
        {
            var (response, problem) = await _nurse.PostAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field + ": " + problem);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _nurse.PostAsync(course + "/assessments/nope/correction", new { dean = 2, reason = "typo" })).Response.StatusCode);
        using var admin = Host.Client("ada");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync(assessment + "/entered-in-error", new { reason = "typo" })).Response.StatusCode);
        Assert.Equal(1, (await _nurse.GetJsonAsync(course)).Body.GetProperty("assessments")[0].GetProperty("dean").GetInt32());
    }

    private async Task<List<Application.Outbox.OutboxItem>> OutboxAsync(string courseId)
    {
        var items = await Host.Services.GetRequiredService<Application.Outbox.IOutbox>()
            .ListAsync(new Application.Outbox.OutboxQuery(SessionId: Application.Courses.OutcomeKeys.Of(courseId)), CancellationToken.None);
        return [.. items.OrderBy(i => i.EnqueuedAt)];
    }

    [Fact(Timeout = 60_000)]
    public async Task BadEntries_Are400NamingTheField_UnknownCourseIs404_OnlyNursesDocument()
    {
        var courseId = await RunSessionAsync();
        var course = "/api/courses/" + Uri.EscapeDataString(courseId);

        await AssertField(course + "/not-cooled", new { reason = "Tired" }, "reason");
        await AssertField(course + "/not-cooled", new { reason = "Other" }, "reasonText");
        await AssertField(course + "/not-cooled", new { reason = "PatientDeclined", givenAt = Clock.GetUtcNow().AddHours(1) }, "givenAt");
        await AssertField(course + "/assessments", new { dean = 5 }, "dean");
        await AssertField(course + "/assessments", new { ctcaeGrade = 3 }, "ctcaeGrade");
        await AssertField(course + "/assessments", new { }, "dean");
        await AssertField(course + "/assessments", new { stoppedCooling = true }, "stoppedReason");
        Assert.Equal(0, (await _nurse.GetJsonAsync(course)).Body.GetProperty("assessments").GetArrayLength());

        Assert.Equal(HttpStatusCode.NotFound, (await _nurse.PostAsync("/api/courses/nope/assessments", new { dean = 1 })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _nurse.GetJsonAsync("/api/courses/nope")).Response.StatusCode);
        using var engineer = Host.Client("eve");
        using var admin = Host.Client("ada");
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetJsonAsync(course)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetJsonAsync("/api/reports/suite")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync(course)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync(course + "/assessments", new { dean = 1 })).Response.StatusCode);

        async Task AssertField(string url, object body, string field)
        {
            var (response, problem) = await _nurse.PostAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field + ": " + problem);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task ReportCsvAndPlanning_OnTheSuitesOwnSession()
    {
        await RunSessionAsync();

        // One Standard session: pre 30 (target 30), infusion 60, post 110 (target 90), chair 09:03 → 12:23 = 200 min.
        var (_, report) = await _nurse.GetJsonAsync("/api/reports/suite");
        var timing = report.GetProperty("timing")[0];
        Assert.Equal("Standard", timing.Text("regimen"));
        Assert.Equal((30.0, 110.0, 90.0, 200.0), (
            timing.GetProperty("meanPreCoolingMinutes").GetDouble(), timing.GetProperty("meanPostCoolingMinutes").GetDouble(),
            timing.GetProperty("meanPostCoolingTargetMinutes").GetDouble(), timing.GetProperty("medianChairMinutes").GetDouble()));
        // Overrun = 200 − (30 + 60 + 90 + 10 warm-up) = 10.
        Assert.Equal(10.0, timing.GetProperty("medianOverrunMinutes").GetDouble());

        var csv = await _nurse.GetAsync("/api/reports/suite.csv?from=2026-11-01&to=2026-11-30");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("section,regimen,measure,count,of,value,unit", lines[0]);
        Assert.Contains("range,,from,,,2026-11-01,date", lines);
        Assert.Contains("adherence,Standard,sessions cooled / chemotherapy sessions given,1,1,100.0,%", lines);
        Assert.Contains("deviation,,SHORT_POSTCOOL,0,1,0.0,%", lines);
        Assert.Contains("chair,Standard,median overrun,,1,10.0,min", lines);
        Assert.Contains(lines, l => l.StartsWith("reference,,\"SCALP trial, all regimens (Nangia", StringComparison.Ordinal) && l.EndsWith(",50.5,%", StringComparison.Ordinal));
        var outside = (await _nurse.GetStringAsync("/api/reports/suite.csv?from=2026-12-01")).Split("\r\n");
        Assert.DoesNotContain(outside, l => l.StartsWith("chair,Standard", StringComparison.Ordinal));

        // Chair minutes = 30 + 60 + 90 + 10 + the median overrun 10.
        var (planned, plan) = await _nurse.GetJsonAsync("/api/planning/chair-minutes?regimen=Standard&infusionMinutes=60");
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal((200, 1), (plan.GetProperty("chairMinutes").GetInt32(), plan.GetProperty("measuredSessions").GetInt32()));
        var (bad, problem) = await _nurse.GetJsonAsync("/api/planning/chair-minutes?regimen=Nope&infusionMinutes=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("regimen", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("infusionMinutes", out _));
        // Preset names may hold commas: they come as a list, not joined into the message.
        Assert.Contains("Standard", problem.GetProperty("presets").EnumerateArray().Select(p => p.GetString()));
        var (badRange, rangeProblem) = await _nurse.GetJsonAsync("/api/reports/suite?from=27.11.2026");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        Assert.True(rangeProblem.GetProperty("errors").TryGetProperty("from", out _));
        var badPage = await _nurse.GetAsync("/reports?from=2026-11-30&to=2026-11-01");
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (badPage.StatusCode, badPage.Content.Headers.ContentType!.MediaType));
        Assert.Contains("The range ends before it starts.", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await _nurse.GetStringAsync("/reports");
        Assert.Contains("<svg class=\"plot\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-success\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Roe", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    /// <summary>A Standard session by hand: cap at 09:03, infusion 09:33–10:33, cap off 12:23. Returns its course id.</summary>
    [Fact(Timeout = 60_000)]
    public async Task FollowUpInterval_IsTheSitesSetting()
    {
        using var db = new TempDatabase();
        var settings = StationHost.Settings(db.Path);
        settings["Courses:FollowUpAfterLastDose"] = "14.00:00:00";
        await using var host = await StationHost.StartAsync(settings, Clock);
        using var nurse = host.Client("alice");
        var course = "/api/courses/" + Uri.EscapeDataString(await RunSessionAsync(nurse));

        Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal("FollowUpDue", (await nurse.GetJsonAsync(course)).Body.Text("result"));
    }

    private Task<string> RunSessionAsync() => RunSessionAsync(_nurse);

    private async Task<string> RunSessionAsync(HttpClient client)
    {
        var (started, body) = await client.PostAsync("/api/sessions", new StartBody("CHAIR-01", FirstOfCourse: true));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = body.Text("sessionId")!;
        foreach (var (minutes, step) in new[] { (3, "cap-placed"), (30, "infusion-started"), (60, "infusion-ended"), (110, "cap-removed") })
        {
            Clock.Advance(TimeSpan.FromMinutes(minutes));
            var (response, answer) = await client.PostAsync($"/api/sessions/{id}/{step}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, step + ": " + answer);
        }

        var (_, page) = await client.GetJsonAsync("/api/sessions/" + id);
        return page.Text("courseId")!;
    }
}
