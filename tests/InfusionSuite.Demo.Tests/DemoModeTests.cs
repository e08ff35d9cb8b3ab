using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Demo.Tests;

/// <summary>
/// The demo host as a new user runs it, on a clock 600 times faster: the six chairs run by themselves,
/// a session completes and its Bundle validates, and a second run continues from the same data.
/// </summary>
[Collection(DemoHostsCollection.Name)]
public sealed class DemoModeTests
{
    private const double Scale = 600;

    [Fact(Timeout = 120_000)]
    public async Task DemoRunsSessionsToCompletionWithValidBundles_SecondRunContinuesFromTheSameData()
    {
        using var data = new TempFolder();
        var validator = new FhirResourceValidator(TimeProvider.System);
        var warmUp = Task.Run(() => validator.Validate(new global::Hl7.Fhir.Model.Patient())); // loading R4 takes seconds: meanwhile the demo runs

        string completedId;
        DateTimeOffset lastClockOfFirstRun;
        string personsSession;
        await using (var first = await DemoHost.StartAsync(data.Path, Scale))
        {
            Assert.Null(first.Settings.ContinuesFrom);
            using var http = first.CreateClient();
            Assert.Equal("Healthy", await ReadinessAsync(http, TimeSpan.FromSeconds(20)));

            // Chair 5 (early removal) ends first: about 173 simulated minutes, some 17 s here.
            var completed = await SessionsAsync(first, s => s == SessionStatus.Completed, 1, TimeSpan.FromSeconds(60));
            completedId = completed[0].SessionId!;
            var record = completed[0].Record!;
            Assert.NotNull(record.PerformedPeriod);
            Assert.Equal(Path.Combine(data.Path, "infusionsuite.db"), first.Settings.DatabasePath);

            // Its Bundle is in the outbox, kept (no EHR), and the demo's page serves it.
            var item = Assert.Single(await first.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(SessionId: completedId), CancellationToken.None));
            Assert.Equal(OutboxStatus.Pending, item.Status);
            var served = await http.GetStringAsync(new Uri(DemoBundlesView.Path + "/" + completedId, UriKind.Relative));
            Assert.Equal(item.Payload, served);
            await warmUp;
            var report = validator.ValidateJson(served);
            Assert.True(report.IsValid, report.ErrorText);
            Assert.True(record.StartedAt.Year >= 2026, "the demo's sessions are dated today");
            Assert.Contains("\"code\":\"97008\"", served, StringComparison.Ordinal); // today's sessions carry the 2026 codes (issue 12)
            Assert.DoesNotContain("0663T", served, StringComparison.Ordinal);

            // The printed nurse sign-in works, and the board shows the six chairs.
            var nurse = DemoAccounts.SignIns.Single(a => a.Role == Application.Staff.StaffRole.Nurse);
            using (var station = await StationSignIn.SignedInAsync(first.BaseAddress, nurse.UserName, nurse.Password))
            {
                var board = await station.GetStringAsync(new Uri("/api/board", UriKind.Relative));
                Assert.All(Enumerable.Range(1, 6), i => Assert.Contains($"CHAIR-0{i}", board, StringComparison.Ordinal));
                Assert.Contains("Chair 7 (free: yours to run)", board, StringComparison.Ordinal); // the two free chairs, left to a person
                Assert.Contains("Chair 8 (free: yours to run)", board, StringComparison.Ordinal);

                // The seeded finished courses fill the suite report: Docetaxel Dean 1 and 2 (2 of 2), paclitaxel
                // Dean 2 and one follow-up due (1 of 1), anthracycline Dean 3 and 4 (0 of 2): 3 of 5 overall.
                using var suite = JsonDocument.Parse(await station.GetStringAsync(new Uri("/api/reports/suite", UriKind.Relative)));
                var overall = suite.RootElement.GetProperty("overall");
                Assert.Equal((5, 3, 1), (overall.GetProperty("withResult").GetInt32(), overall.GetProperty("successes").GetInt32(), overall.GetProperty("followUpDue").GetInt32()));
                Assert.True(overall.GetProperty("courses").GetInt32() >= 6, "the six seeded courses and today's");
            }

            // Every chair of the demo nurse has run: none is waiting for a nurse who never comes; the free chairs' controllers
            // run (heard, online) with no session until a person starts one.
            Assert.Equal(6, first.Board.Current().Count(r => r.SessionId is not null));
            Assert.All(new[] { "CHAIR-07", "CHAIR-08" }, id => Assert.Contains(first.Board.Current(), r => r.ControllerId == id && r.ControllerOnline && r.SessionId is null));
            lastClockOfFirstRun = first.Services.GetRequiredService<TimeProvider>().GetUtcNow();

            // A person starts a session of their own on a free chair, and leaves it open.
            var person = await first.Services.GetRequiredService<Application.Nursing.INurseActions>().StartSessionAsync(
                new Application.Nursing.StartSessionRequest(
                    "a-person", "CHAIR-07", "course-person", "MRN-PERSON", new ChemoAdministration("ma-person", "96413"),
                    RegimenPreset: "Standard", EncounterReference: "V-PERSON", ConfirmUnheardController: true),
                CancellationToken.None);
            Assert.True(person.IsAccepted, person.Message);
            personsSession = person.SessionId!;

            await APersonRunsAWholeSessionOnAFreeChairAsync(first);
        }

        await using var second = await DemoHost.StartAsync(data.Path, Scale);
        var continues = Assert.NotNull(second.Settings.ContinuesFrom);
        Assert.True(second.Settings.ClockStart > continues, "the second run's clock starts after what the first stored");
        Assert.True(continues > lastClockOfFirstRun - TimeSpan.FromMinutes(5), "the first run's latest data is seen");
        var kept = await second.Board.SessionAsync(completedId, CancellationToken.None);
        Assert.Equal(SessionStatus.Completed, kept?.Record.Status);

        // Sessions the first run left open on the demo nurse's chairs are stopped, and each of them starts a new session on
        // the new clock; the person's own session on a free chair is theirs: still open.
        await SessionsAsync(second, s => s < SessionStatus.Completed, 6, TimeSpan.FromSeconds(30), startedAfter: second.Settings.ClockStart);
        var persons = await second.Board.SessionAsync(personsSession, CancellationToken.None);
        Assert.True(persons?.Record.Status < SessionStatus.Completed, "the person's session on a free chair was ended by the restart: " + persons?.Record.Status);
    }

    /// <summary>
    /// On a free chair the controller waited, pre-chilling with no cap, and follows the person: the cap goes on after
    /// the start (never before it), it cools until the infusion ends, runs the 90 minutes of post-cooling, stops, and the
    /// cap comes off: the session completes with no deviation.
    /// </summary>
    private static async Task APersonRunsAWholeSessionOnAFreeChairAsync(DemoHost host)
    {
        var reading = host.Board.Current().Single(r => r.ControllerId == "CHAIR-08").Reading;
        Assert.Equal((Domain.Controllers.ControllerState.Prechill, false), (reading?.Sample.State, reading?.Sample.CapConnected ?? true));
        var actions = host.Services.GetRequiredService<Application.Nursing.INurseActions>();
        var started = await actions.StartSessionAsync(
            new Application.Nursing.StartSessionRequest(
                "a-person", "CHAIR-08", "course-person-2", "MRN-PERSON-2", new ChemoAdministration("ma-person-2", "96413"),
                RegimenPreset: "Standard", EncounterReference: "V-PERSON-2", ConfirmUnheardController: true),
            CancellationToken.None);
        Assert.True(started.IsAccepted, started.Message);
        var id = started.SessionId!;

        var placed = await RecordAsync(host, id, r => r.Status == SessionStatus.PreCooling, TimeSpan.FromSeconds(30));
        Assert.Equal(Domain.Sessions.BoundarySource.Controller, placed.Boundaries.PlacementSource);
        // Not before the start (the controller was not cooling). How long after depends on this machine's load at 600x:
        // 100 ms of real lag is a simulated minute.
        Assert.True(placed.Boundaries.CapPlacedAt >= placed.StartedAt + TimeSpan.FromMinutes(3), $"placed {placed.Boundaries.CapPlacedAt:O}, started {placed.StartedAt:O}");

        Assert.True((await actions.InfusionStartedAsync(id, "a-person", null, CancellationToken.None)).IsAccepted);
        await Task.Delay(TimeSpan.FromSeconds(3)); // 30 simulated minutes of infusion: the controller keeps cooling
        Assert.Equal(SessionStatus.Infusing, (await host.Board.SessionAsync(id, CancellationToken.None))?.Record.Status);
        Assert.True((await actions.InfusionEndedAsync(id, "a-person", null, CancellationToken.None)).IsAccepted);

        var done = await RecordAsync(host, id, r => r.Status >= SessionStatus.Completed, TimeSpan.FromSeconds(60));
        Assert.Equal(SessionStatus.Completed, done.Status);
        Assert.Equal(Domain.Sessions.BoundarySource.Controller, done.Boundaries.RemovalSource);
        Assert.True(done.Phase(SessionPhase.PostCooling)!.Duration >= TimeSpan.FromMinutes(90), $"post-cooling {done.Phase(SessionPhase.PostCooling)!.Duration}");
        Assert.DoesNotContain(done.Deviations, d => d.Code is DeviationCode.ShortPostcool or DeviationCode.Interrupted or DeviationCode.Aborted);
    }

    private static async Task<ScalpCoolingSessionRecord> RecordAsync(DemoHost host, string sessionId, Func<ScalpCoolingSessionRecord, bool> holds, TimeSpan limit)
    {
        ScalpCoolingSessionRecord? record = null;
        await Testing.Eventually.HoldsAsync(
            () =>
            {
                record = host.Board.Current().FirstOrDefault(r => r.SessionId == sessionId)?.Record;
                return record is not null && holds(record);
            },
            limit,
            $"session on the free chair: last {record?.Status}");
        return record!;
    }

    private static async Task<IReadOnlyList<Application.Board.ChairBoardRow>> SessionsAsync(
        DemoHost host, Func<SessionStatus, bool> status, int count, TimeSpan limit, DateTimeOffset? startedAfter = null)
    {
        IReadOnlyList<Application.Board.ChairBoardRow> rows = [];
        await Testing.Eventually.HoldsAsync(
            () =>
            {
                rows = [.. host.Board.Current().Where(r => r.Record is { } record && status(record.Status) && record.StartedAt >= (startedAfter ?? DateTimeOffset.MinValue))];
                return rows.Count >= count;
            },
            limit,
            $"{count} session(s) on the demo's board");
        return rows;
    }

    /// <summary>The readiness status once it is Healthy, or the last one seen when the limit passes (the links connect just after start).</summary>
    private static async Task<string?> ReadinessAsync(HttpClient http, TimeSpan limit)
    {
        var until = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
            if (status == "Healthy" || DateTimeOffset.UtcNow > until)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
