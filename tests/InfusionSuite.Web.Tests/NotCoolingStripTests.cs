using System.Net;
using System.Text.Json;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// A session whose controller stops cooling while the cap is on needs a nurse now (issue 16: the strip orders "what
/// needs a nurse now"): it is on the strip, after the controller's alarms and before "ready for infusion", and leaves
/// it when the controller cools again.
/// </summary>
public sealed class NotCoolingStripTests : StationTest
{
    private const uint Boot = 0x0c00_1001;

    [Fact(Timeout = 60_000)]
    public async Task ControllerNotCoolingInASession_IsOnTheStrip_UntilItCoolsAgain()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-05", PatientReference: "MRN-05"));
        var sessionId = started.Text("sessionId")!;
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{sessionId}/cap-placed", new { })).Response.StatusCode);
        var sink = Host.Services.GetRequiredService<IControllerMessageSink>();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await sink.WriteAsync(Sample(1, ControllerState.Cooling, ControllerAlarms.None), CancellationToken.None);
        await Eventually.HoldsAsync(async () => (await StripAsync(nurse)).All(i => i.Text("kind") != "not-cooling"), TimeSpan.FromSeconds(20), "cooling: nothing on the strip");

        Clock.Advance(TimeSpan.FromMinutes(1));
        await sink.WriteAsync(Sample(2, ControllerState.Paused, ControllerAlarms.FlowLow), CancellationToken.None);
        await Eventually.HoldsAsync(
            async () => (await StripAsync(nurse)).Any(i => i.Text("kind") == "not-cooling" && i.Text("controllerId") == "CHAIR-05"),
            TimeSpan.FromSeconds(20),
            "not cooling on the strip");
        var strip = await StripAsync(nurse);
        var kinds = strip.Where(i => i.Text("controllerId") == "CHAIR-05").Select(i => i.Text("kind") + ": " + i.Text("text")).ToList();
        Assert.Contains("alarm: Coolant flow low", kinds);
        Assert.Equal("not-cooling: Not cooling", kinds[^1]); // after the controller's own alarms
        Assert.Equal("Not cooling", strip.Single(i => i.Text("kind") == "not-cooling").Text("text"));

        Clock.Advance(TimeSpan.FromMinutes(1));
        await sink.WriteAsync(Sample(3, ControllerState.Cooling, ControllerAlarms.None), CancellationToken.None);
        await Eventually.HoldsAsync(async () => (await StripAsync(nurse)).All(i => i.Text("kind") != "not-cooling" && i.Text("text") != "Coolant flow low"), TimeSpan.FromSeconds(20), "cooling again: off the strip");
    }

    private static async Task<List<JsonElement>> StripAsync(HttpClient client)
    {
        var (_, board) = await client.GetJsonAsync("/api/board");
        return [.. board.GetProperty("urgent").EnumerateArray()];
    }

    private TelemetryReceived Sample(uint seq, ControllerState state, ControllerAlarms alarms) =>
        SinkMessages.Telemetry(
            new TelemetrySample("CHAIR-05", Boot, seq, Clock.GetUtcNow(), state, new Temperature(-45), new Temperature(160), 620, true, alarms), Clock.GetUtcNow());
}
