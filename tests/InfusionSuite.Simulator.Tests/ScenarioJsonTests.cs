using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Tests;

public sealed class ScenarioJsonTests
{
    public static TheoryData<string> BuiltIns => [.. BuiltInScenarios.Names];

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void BuiltInScenario_RoundTripsThroughJson_AndPlaysTheSame(string name)
    {
        Assert.True(BuiltInScenarios.TryGet(name, out var scenario));

        var json = ScenarioJson.Serialize(scenario);
        var parsed = ScenarioJson.Parse(json);

        Assert.Equal(json, ScenarioJson.Serialize(parsed));
        Assert.Equal(Timelines.Of(name).Story(), Timelines.Of(parsed).Story());
    }

    [Fact]
    public void HandWrittenFile_WithCommentsAndOnlySomeMembers_TakesDefaultsForTheRest()
    {
        const string json = """
            {
              // a weekly paclitaxel session with a cap-hose slip and a low reservoir
              "name": "paclitaxel-weekly",
              "controller": { "telemetryHz": 2, "setpointC": -6.0 },
              "session": { "infusionMinutes": 60, "postcoolTargetMinutes": 60, "firstOfCourse": true, "capSize": "S" },
              "incidents": [
                { "kind": "capDisconnect", "phase": "postcool", "atMinutes": 5, "minutes": 1 },
                { "kind": "alarm", "alarm": "RESERVOIR_LOW", "phase": "infusion", "atMinutes": 0, "minutes": 10 },
                { "kind": "setpoint", "setpointC": -6.5, "phase": "infusion", "atMinutes": 30 },
              ],
            }
            """;

        var scenario = ScenarioJson.Parse(json);

        Assert.Equal(2, scenario.Controller.TelemetryHz);
        Assert.Equal(15, scenario.Session.PrechillMinutes);
        Assert.Equal(IncidentKind.CapDisconnect, scenario.Incidents[0].Kind);
        var story = Timelines.Of(scenario).Story();
        Assert.Contains("Calibrated", story);
        Assert.Equal(2, story.Count(e => e == "CapOff"));
        var samples = Timelines.Of(scenario).Samples().ToList();
        Assert.Contains(samples, s => s.Alarms.HasFlag(Domain.Controllers.ControllerAlarms.ReservoirLow));
        Assert.Contains(samples, s => s.Alarms.HasFlag(Domain.Controllers.ControllerAlarms.CapDisconnected) && !s.CapConnected);
        Assert.Equal(TimeSpan.FromMilliseconds(500), samples[1].Timestamp - samples[0].Timestamp);
    }

    [Theory]
    [InlineData("{", "not a valid scenario")]
    [InlineData("null", "empty scenario")]
    [InlineData("""{ "description": "no name" }""", "name")]
    [InlineData("""{ "name": "x", "sesion": {} }""", "sesion")]
    [InlineData("""{ "name": "x", "incidents": [ { "kind": "explode" } ] }""", "$.incidents[0].kind")]
    [InlineData("""{ "name": "x", "controller": { "telemetryHz": 20 } }""", "controller.telemetryHz must be 0.2–10")]
    [InlineData("""{ "name": "x", "controller": { "setpointC": "cold" } }""", "$.controller.setpointC")]
    [InlineData("""{ "name": "x", "session": { "capSize": "XXL" } }""", "session.capSize")]
    [InlineData("""{ "name": "x", "session": { "warmupMinutes": -1 } }""", "session.warmupMinutes must be 0–1440")]
    [InlineData("""{ "name": "x", "incidents": [ { "kind": "pause", "phase": "prechill", "atMinutes": 1 } ] }""", "incidents[0] (Pause): must start and end while cooling")]
    [InlineData("""{ "name": "x", "incidents": [ { "kind": "alarm", "alarm": "ON_FIRE" } ] }""", "incidents[0] (Alarm): alarm must be a CCP/1 alarm name")]
    [InlineData("""{ "name": "x", "incidents": [ { "kind": "fault", "faultCode": "pump stall" } ] }""", "faultCode must be 1–16 of A-Z 0-9 _")]
    [InlineData("""{ "name": "x", "incidents": [ { "kind": "fault", "minutes": 0.5, "flowLowSeconds": 45 } ] }""", "flowLowSeconds must be 0 or more and shorter than minutes")]
    [InlineData("""{ "name": "x", "incidents": [ { "kind": "reboot", "phase": "tail", "atMinutes": 0.5, "minutes": 5 } ] }""", "must end before the scenario ends")]
    public void BadFile_IsRefused_WithAMessageNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(json, "my-scenario.json"));

        Assert.StartsWith("my-scenario.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_IsAScenarioFormatException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var error = await Assert.ThrowsAsync<ScenarioFormatException>(() => ScenarioJson.LoadAsync(path, CancellationToken.None));
        Assert.Contains("cannot read the scenario file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenarioFromFile_DrivesTheEngine_EndToEnd()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "name": "short", "session": { "precoolMinutes": 10, "postcoolMinutes": 20 } }""", CancellationToken.None);
        try
        {
            var scenario = await ScenarioJson.LoadAsync(path, CancellationToken.None);
            Assert.Equal(TimeSpan.FromMinutes(0.5 + 15 + 4 + 10 + 60 + 20 + 7 + 1), ControllerTimeline.Duration(scenario));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
