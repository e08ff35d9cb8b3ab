using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Tests;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;
using Xunit.Abstractions;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The health system of issue 18 end to end: two worker processes of the production host on one PostgreSQL database,
/// mosquitto, the test FHIR server as the EHR; a simulated controller on a chair of site north and one of site south,
/// each running a whole session in real time (1-minute targets), its nurse acting through the REST API of either node.
/// The owner of both sites is killed with SIGKILL mid-infusion and started again (as its service manager does). The
/// standby takes both sites within the lease; both sessions complete with their phases as the controllers and the
/// nurse made them; every sample each controller published is stored once; every nurse action, on either node, is
/// answered; the EHR receives each resource once.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed class HealthSystemFailoverTests(FhirServerFixture ehr, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    private static readonly string[] Sites = ["north", "south"];

    /// <summary>A first session of a course on the shortest targets the workers allow (1 min), the rest cut short.</summary>
    private static readonly Scenario Session = new()
    {
        Name = "health-system-failover",
        Controller = new ControllerProfile { PulldownMinutes = 0.1 },
        Session = new SessionPlan
        {
            FirstOfCourse = true, StandbyMinutes = 0.02, PrechillMinutes = 0.05, FittingMinutes = 0.05, PrecoolTargetMinutes = 1,
            InfusionMinutes = 0.4, PostcoolTargetMinutes = 1, WarmupMinutes = 0.05, TailMinutes = 0.02,
        },
    };

    private readonly TempDatabase _folder = new();
    private readonly FhirServerReader _reader = new(ehr);

    public Task InitializeAsync() => ehr.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _reader.Dispose();
        _folder.Dispose();
    }

    [Fact(Timeout = 300_000)]
    public async Task OwnerOfTwoSitesKilledMidInfusion_StandbyTakesThemWithinTheLease_SessionsComplete_EverySampleAndResourceOnce()
    {
        var database = (await PostgreSqlCluster.SharedAsync()).NewDatabase();
        await using var broker = await MosquittoBroker.StartAsync(CancellationToken.None);
        var chairs = new Dictionary<string, SimulatedChair>(StringComparer.Ordinal)
        {
            ["north"] = new(0, "CHAIR-N1"),
            ["south"] = new(1, "CHAIR-S1"),
        };
        var patients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chair in chairs.Values)
        {
            patients[chair.ControllerId] = "Patient/" + await _reader.CreatePatientAsync("MRN-" + chair.ControllerId);
            var session = NodesNurse.SessionOf(chair.ControllerId); // what the nurse gives at the start: the visit number and the order
            await _reader.HoldAsync([
                EhrReference.ById("Patient", patients[chair.ControllerId]["Patient/".Length..]),
                EhrReference.ByIdentifier("Encounter", new FhirMappingOptions().EncounterIdentifierSystem, NodesNurse.VisitOf(session)),
                EhrReference.ByIdentifier("MedicationAdministration", new FhirMappingOptions().AdministrationIdentifierSystem, NodesNurse.AdministrationOf(session)),
                EhrReference.ByIdentifier("Practitioner", "http://hl7.org/fhir/sid/us-npi", SharedDatabaseWorkers.NurseNpi),
            ]);
        }

        var owner = await StartWorkerAsync("worker-a", database, broker);
        HostRun? standby = null;
        HostRun? restarted = null;
        try
        {
            await owner.WaitForOutputAsync("MQTT link connected"); // it created the tables
            standby = await StartWorkerAsync("worker-b", database, broker);
            var token = await SharedDatabaseWorkers.NurseTokenAsync(database, _folder.Folder);
            await standby.WaitForOutputAsync("Worker worker-b waits as a standby");
            var nodes = new Nodes(
                SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(owner), token),
                SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(standby), token));
            var nurse = new NodesNurse(nodes.For, controllerId => patients[controllerId]);

            // Both chairs power on together; each controller's samples are known in advance (fixed boots).
            var start = TimeProvider.System.GetUtcNow();
            var runs = chairs.Select(c => RunAsync(c.Value, c.Key, broker, start, nurse)).ToList();

            await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM sessions WHERE status = 3" /* Infusing */) == 2, "both infusions started", nurse);
            await WaitAsync(async () => await CountAsync(database, "SELECT count(DISTINCT t.controller_key) FROM telemetry t JOIN sessions s USING (session_key) WHERE s.status = 3") == 2, "samples of both infusions stored", nurse);
            var clock = Stopwatch.StartNew();
            await owner.KillHardAsync();
            nodes.OwnerGone();
            var storedAtKill = await CountAsync(database, "SELECT count(*) FROM telemetry");

            await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM site_leases WHERE site IN ('north', 'south') AND owner = 'worker-b'") == 2, "the standby taking both sites", nurse);
            var takeover = clock.Elapsed;
            await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM telemetry") > storedAtKill, "the new owner storing samples", nurse);
            var storing = clock.Elapsed;
            restarted = await StartWorkerAsync("worker-a", database, broker); // its service manager starts it again: now the standby
            await restarted.WaitForOutputAsync("Worker worker-a waits as a standby");
            nodes.Restarted(SharedDatabaseWorkers.NurseClient(await SharedDatabaseWorkers.AddressAsync(restarted), token));

            using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            {
                await Task.WhenAll(runs).WaitAsync(limit.Token);
            }

            foreach (var answer in nurse.Answers)
            {
                output.WriteLine(answer);
            }

            Assert.Empty(nurse.Failures);
            Assert.Contains(nurse.Answers, a => a.Contains(" at worker-a again: 200", StringComparison.Ordinal)); // relayed by the restarted standby to the new owner
            Assert.Contains(nurse.Answers, a => a.Contains(" at worker-b: 200", StringComparison.Ordinal));

            foreach (var chair in chairs.Values)
            {
                var sessionId = NodesNurse.SessionOf(chair.ControllerId);
                using (var page = await WaitForCompletionAsync(nodes.Survivor, sessionId, nurse))
                {
                    AssertPhasesAsTheControllerAndTheNurseMadeThem(page.RootElement, start);
                }

                await AssertEverySampleStoredOnceAsync(database, chair, start);
            }

            // The EHR: each session's one item sent once, in one attempt (one transaction); each resource created once.
            await WaitAsync(async () => await CountAsync(database, "SELECT count(*) FROM outbox WHERE sent_at_ticks IS NOT NULL") == 2, "both sessions sent to the EHR", nurse);
            Assert.Equal(2L, await CountAsync(database, "SELECT count(*) FROM outbox"));
            Assert.Equal(2L, await CountAsync(database, "SELECT count(*) FROM outbox_attempts"));
            Assert.Equal(2, (await ehr.StatsAsync()).GetProperty("transactions").GetInt32());
            foreach (var patient in patients.Values)
            {
                var counts = await _reader.CountsForPatientAsync(patient["Patient/".Length..]);
                Assert.Equal(2, counts["Device"]); // every Device on the server: one per chair
                Assert.Equal((2, 6, 3), (counts["Procedure"], counts["Observation"], counts["ChargeItem"])); // 97008 and 97007 (first of course), their charges and 97009
            }

            Assert.Equal(2L, await CountAsync(database, "SELECT fence FROM site_leases WHERE site = 'north'"));
            Assert.True(takeover < 3 * LeaseDuration, $"takeover took {takeover.TotalSeconds:F1} s (lease {LeaseDuration.TotalSeconds} s)");
            Assert.Equal(0, await standby.StopAsync());
            Assert.Equal(0, await restarted.StopAsync());
            Assert.DoesNotContain("fail:", standby.Output + restarted.Output, StringComparison.Ordinal);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lease {LeaseDuration.TotalSeconds} s; kill → the standby holds both sites: {takeover.TotalSeconds:F2} s; → stores again: {storing.TotalSeconds:F2} s; power-on → both sessions sent to the EHR: {(TimeProvider.System.GetUtcNow() - start).TotalSeconds:F0} s"));
        }
        finally
        {
            foreach (var worker in new[] { owner, standby, restarted })
            {
                if (worker is { HasExited: false })
                {
                    await worker.KillHardAsync();
                }
            }
        }
    }

    private Task<HostRun> StartWorkerAsync(string name, string database, MosquittoBroker broker) =>
        SharedDatabaseWorkers.StartAsync(name, database, broker, Sites, LeaseDuration, [
            "--Sessions:MinimumTarget=00:01:00",
            "--Fhir:Delivery:BaseUrl=" + ehr.FhirBase,
            "--Fhir:Mapping:Site=health-system",
            "--Fhir:Mapping:PatientIdentifierSystem=" + FhirServerReader.MrnSystem,
            "--Fhir:Delivery:ValidateBeforeSending=false",
            "--Fhir:Delivery:PollInterval=00:00:01",
        ]);

    private static async Task RunAsync(SimulatedChair chair, string site, MosquittoBroker broker, DateTimeOffset start, NodesNurse nurse)
    {
        await using var mqtt = new MqttControllerOutput(new MqttOutputOptions { Host = broker.Host, Port = broker.Port, Site = site, ControllerId = chair.ControllerId });
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await new SimulatedController(Session, chair, seed: chair.Index + 1, mqtt, TimeProvider.System, start, bootSalt: BootSalt(chair)).RunAsync(nurse, limit.Token);
    }

    private static uint BootSalt(SimulatedChair chair) => 0x18u + (uint)chair.Index;

    /// <summary>Each (boot, seq) the controller published is stored exactly once, and nothing else.</summary>
    private static async Task AssertEverySampleStoredOnceAsync(string database, SimulatedChair chair, DateTimeOffset start)
    {
        var sent = ControllerTimeline.Generate(Session, chair, chair.Index + 1, start, BootSalt(chair)).OfType<TelemetryItem>()
            .Select(t => $"{(int)t.Sample.Boot}/{t.Sample.Seq}").Order(StringComparer.Ordinal).ToList();
        var of = $"FROM telemetry t JOIN controllers c USING (controller_key) WHERE c.controller_id = '{chair.ControllerId}'";
        await SharedDatabaseWorkers.WaitAsync(async () => await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) " + of) >= sent.Count, $"every sample of {chair.ControllerId} stored");
        Assert.Equal(sent.Count, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(*) " + of));
        Assert.Equal(sent.Count, await SharedDatabaseWorkers.CountAsync(database, "SELECT count(DISTINCT (t.boot, t.seq)) " + of));
        Assert.Equal(sent.Count, await SharedDatabaseWorkers.CountAsync(database,
            $"SELECT count(*) {of} AND t.boot::text || '/' || t.seq::text = ANY(ARRAY['{string.Join("','", sent)}'])"));
    }

    /// <summary>
    /// Placement at the controller's COOLING_START, the infusion as the nurse documented it, post-cooling to the controller's
    /// COOLING_STOP, removal at its CAP_OFF: each boundary where the simulator put it (to the millisecond), no deviation.
    /// </summary>
    private static void AssertPhasesAsTheControllerAndTheNurseMadeThem(JsonElement page, DateTimeOffset start)
    {
        var plan = Session.Session;
        var placed = start.AddMinutes(plan.StandbyMinutes + plan.PrechillMinutes + plan.FittingMinutes);
        var infusionStarted = placed.AddMinutes(plan.PrecoolTargetMinutes);
        var infusionEnded = infusionStarted.AddMinutes(plan.InfusionMinutes);
        var coolingStopped = infusionEnded.AddMinutes(plan.PostcoolTargetMinutes);
        var capOff = coolingStopped.AddMinutes(plan.WarmupMinutes);
        var boundaries = page.GetProperty("boundaries");
        Assert.Equal("Completed", page.GetProperty("status").GetString());
        Assert.Equal(("Controller", "Controller"), (boundaries.GetProperty("placementSource").GetString(), boundaries.GetProperty("removalSource").GetString()));
        foreach (var (name, expected) in new[]
        {
            ("capPlacedAt", placed), ("infusionStartedAt", infusionStarted), ("infusionEndedAt", infusionEnded),
            ("lastCoolingStopAt", coolingStopped), ("capRemovedAt", capOff),
        })
        {
            var actual = boundaries.GetProperty(name).GetDateTimeOffset();
            Assert.True((actual - expected).Duration() < TimeSpan.FromMilliseconds(1), $"{name}: {actual:O}, the simulator's {expected:O}");
        }

        Assert.Equal(
            ["PreCooling 60/60", "Infusion 24/", "PostCooling 60/60", "WarmUp 3/"],
            page.GetProperty("phases").EnumerateArray().Select(p => $"{p.GetProperty("phase").GetString()} {p.GetProperty("durationSeconds").GetDouble()}/{(p.GetProperty("targetSeconds").ValueKind == JsonValueKind.Null ? string.Empty : p.GetProperty("targetSeconds").GetDouble())}"));
        Assert.Equal(0, page.GetProperty("deviations").GetArrayLength());
        Assert.Equal(0, page.GetProperty("interruptions").GetProperty("count").GetInt32());
    }

    private static async Task<JsonDocument> WaitForCompletionAsync(HttpClient node, string sessionId, NodesNurse nurse)
    {
        await WaitAsync(async () => Status(await node.GetStringAsync("/api/sessions/" + sessionId)) == "Completed", $"{sessionId} completed", nurse);
        return JsonDocument.Parse(await node.GetStringAsync("/api/sessions/" + sessionId));
    }

    private static string? Status(string page)
    {
        using var json = JsonDocument.Parse(page);
        return json.RootElement.GetProperty("status").GetString();
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, NodesNurse nurse)
    {
        try
        {
            await SharedDatabaseWorkers.WaitAsync(
                async () => nurse.Failures.IsEmpty ? await condition() : throw new InvalidOperationException($"a nurse action failed: {string.Join('\n', nurse.Failures)}"),
                what,
                TimeSpan.FromMinutes(3)); // the sessions run in real time
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nthe nurse's answers:\n{string.Join('\n', nurse.Answers)}", e);
        }
    }

    private static Task<long> CountAsync(string database, string sql) => SharedDatabaseWorkers.CountAsync(database, sql);

    /// <summary>
    /// The load balancer's two nodes: each nurse action goes to the node the table below names, the first node
    /// before its kill and again once restarted, the second throughout (so actions reach both the owner and the standby).
    /// </summary>
    private sealed class Nodes(HttpClient first, HttpClient second)
    {
        private volatile HttpClient? _first = first;
        private volatile string _firstName = "worker-a";

        public HttpClient Survivor => second;

        public (string Name, HttpClient Client) For(NurseMarker marker)
        {
            var toFirst = (marker.Kind, marker.ControllerId) switch
            {
                (NurseMarkerKind.SessionStart or NurseMarkerKind.InfusionEnded, "CHAIR-N1") => true,
                (NurseMarkerKind.InfusionStarted or NurseMarkerKind.CapRemoved, "CHAIR-S1") => true,
                _ => false,
            };
            return toFirst && _first is { } node ? (_firstName, node) : ("worker-b", second);
        }

        public void OwnerGone() => _first = null;

        public void Restarted(HttpClient node)
        {
            _firstName = "worker-a again";
            _first = node;
        }
    }
}
