using System.Text.Json;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// A chair without a session shows what its controller sends now (issue 16: "an engineer sees a chair's live telemetry
/// and controller details … without a session"): temperatures and setpoint for everyone; state, alarms, link, boot,
/// last sample and clock offset for engineers only. The latest is the last the controller sent: a stored sample
/// uploaded late never replaces it, a new boot does.
/// </summary>
public sealed class FreeChairReadingsTests : StationTest
{
    private const uint Boot = 0x0b00_7001;
    private static readonly TimeSpan Ahead = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 60_000)]
    public async Task FreeChair_ShowsTheControllersLatestReadings_DetailsOnlyToEngineers()
    {
        var sink = Host.Services.GetRequiredService<IControllerMessageSink>();
        await sink.WriteAsync(Event("CHAIR-05", 10, ControllerEventKind.Setpoint, "-5.0"), CancellationToken.None);
        await sink.WriteAsync(Sample("CHAIR-05", Boot, 11, ControllerState.Prechill, -42, ControllerAlarms.ReservoirLow), CancellationToken.None);
        await sink.WriteAsync(Sample("CHAIR-05", Boot, 12, ControllerState.Prechill, -47, ControllerAlarms.ReservoirLow), CancellationToken.None);
        await sink.WriteAsync(Sample("CHAIR-05", Boot, 3, ControllerState.Standby, 210, ControllerAlarms.None), CancellationToken.None); // stored earlier, uploaded late
        await sink.WriteAsync(Sample("CHAIR-06", Boot, 1, ControllerState.Standby, 200, ControllerAlarms.None), CancellationToken.None); // the writer takes messages in order: this one last

        var board = Host.Services.GetRequiredService<IChairBoard>();
        await Eventually.HoldsAsync(() => board.Current().Any(r => r.ControllerId == "CHAIR-06" && r.Reading is not null), TimeSpan.FromSeconds(20), "every message stored");
        using var engineer = Host.Client("eve");
        var chair = await FreeChairAsync(engineer, "CHAIR-05");
        Assert.Equal(-4.7m, chair.GetProperty("coolantC").GetDecimal());
        Assert.Equal(1.6m, chair.GetProperty("scalpC").GetDecimal());
        Assert.Equal(-5.0m, chair.GetProperty("setpointC").GetDecimal());
        var controller = chair.GetProperty("controller");
        Assert.Equal("PRECHILL", controller.Text("state"));
        Assert.Equal("MQTT", controller.Text("link"));
        Assert.Equal("0b007001", controller.Text("boot"));
        Assert.Equal((long)Ahead.TotalSeconds, controller.GetProperty("clockSkewSeconds").GetInt64());
        Assert.Equal("RESERVOIR_LOW", Assert.Single(controller.GetProperty("alarms").EnumerateArray()).Text("code"));
        Assert.Equal(Clock.GetUtcNow() + Ahead, controller.GetProperty("latestSampleAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, chair.GetProperty("sessionId").ValueKind);

        using (var nurse = Host.Client("alice"))
        {
            var seen = await FreeChairAsync(nurse, "CHAIR-05");
            Assert.Equal(-4.7m, seen.GetProperty("coolantC").GetDecimal());
            Assert.True(!seen.TryGetProperty("controller", out var none) || none.ValueKind == JsonValueKind.Null);
        }

        // The controller restarted: a new boot's first sample is the latest, whatever its counter says.
        await sink.WriteAsync(Sample("CHAIR-05", Boot + 1, 0, ControllerState.Standby, 12, ControllerAlarms.None), CancellationToken.None);
        await Eventually.HoldsAsync(() => board.Current().Any(r => r.ControllerId == "CHAIR-05" && r.Reading?.Sample.Boot == Boot + 1), TimeSpan.FromSeconds(20), "the new boot's reading");
        var after = await FreeChairAsync(engineer, "CHAIR-05");
        Assert.Equal(1.2m, after.GetProperty("coolantC").GetDecimal());
        Assert.Empty(after.GetProperty("controller").GetProperty("alarms").EnumerateArray());
    }

    private static async Task<JsonElement> FreeChairAsync(HttpClient client, string controllerId)
    {
        var (_, board) = await client.GetJsonAsync("/api/board");
        return Assert.Single(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == controllerId);
    }

    private TelemetryReceived Sample(string controllerId, uint boot, uint seq, ControllerState state, short coolantTenths, ControllerAlarms alarms) =>
        SinkMessages.Telemetry(
            new TelemetrySample(controllerId, boot, seq, Clock.GetUtcNow() + Ahead, state, new Temperature(coolantTenths), new Temperature(16), 620, true, alarms), Clock.GetUtcNow());

    private ControllerEventReceived Event(string controllerId, uint seq, ControllerEventKind kind, string detail) =>
        SinkMessages.Event(new ControllerEvent(controllerId, Boot, seq, Clock.GetUtcNow() + Ahead, kind, detail), Clock.GetUtcNow());
}
