using System.Net;
using System.Text.Json;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// A chair whose session has ended shows its controller as it is now, not the session's last sample (the trial: after
/// an abort and a controller reboot the card still showed the old boot, "PRECHILL" and a scalp of 30.7 °C): the new
/// boot's readings, state and clock for the board and the chair's page, for nurses and engineers alike; the session's
/// own page keeps the session's last sample. The clock is worded one way everywhere: 39 s behind is "slow", −39.
/// </summary>
public sealed class EndedSessionChairTests : StationTest
{
    private const uint OldBoot = 0x0a00_0001;
    private const uint NewBoot = 0x0a00_0002;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(-39);

    [Fact(Timeout = 60_000)]
    public async Task AfterAnAbortAndAReboot_TheChairShowsTheControllersNewReading_TheSessionPageKeepsItsOwn()
    {
        var sink = Host.Services.GetRequiredService<IControllerMessageSink>();
        using var nurse = Host.Client("alice");
        using var engineer = Host.Client("eve");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = body.Text("sessionId")!;
        for (uint seq = 1; seq <= 3; seq++)
        {
            await sink.WriteAsync(Sample(OldBoot, seq, ControllerState.Prechill, -40, 307, Slow), CancellationToken.None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var board = Host.Services.GetRequiredService<IChairBoard>();
        await Eventually.HoldsAsync(() => board.Current().Any(r => r.ControllerId == "CHAIR-01" && r.Live?.LatestScalp is not null), TimeSpan.FromSeconds(20), "the session's samples");
        var during = await ChairAsync(engineer);
        Assert.Equal(-39, during.GetProperty("controller").GetProperty("clockSkewSeconds").GetInt64()); // slow is −, as the card's note says
        Assert.Equal("39 s slow", during.GetProperty("controller").Text("clockOffset"));
        Assert.Equal("39 s slow (−39 s: behind the server)", during.GetProperty("controller").Text("clockOffsetInFull"));

        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{id}/abort", new { reason = "Other", details = "chair moved" })).Response.StatusCode);
        Clock.Advance(TimeSpan.FromHours(1)); // the next patient's turn: the ended session takes no more of this controller's samples
        await sink.WriteAsync(Sample(NewBoot, 0, ControllerState.Standby, 215, 221, TimeSpan.Zero), CancellationToken.None); // rebooted, idle, its clock set right
        await Eventually.HoldsAsync(() => board.Current().Any(r => r.ControllerId == "CHAIR-01" && r.Reading?.Sample.Boot == NewBoot), TimeSpan.FromSeconds(20), "the new boot's reading");

        var seen = await ChairAsync(nurse);
        Assert.Null(seen.Text("sessionId")); // an hour after its end the chair is free (EndedSessionOnBoardTests)
        Assert.Equal(21.5m, seen.GetProperty("coolantC").GetDecimal());
        Assert.Equal(22.1m, seen.GetProperty("scalpC").GetDecimal());
        var now = (await ChairAsync(engineer)).GetProperty("controller");
        Assert.Equal("0a000002", now.Text("boot"));
        Assert.Equal("STANDBY", now.Text("state"));
        Assert.Equal(0, now.GetProperty("clockSkewSeconds").GetInt64());
        Assert.Equal("on time", now.Text("clockOffset"));
        Assert.Equal(JsonValueKind.Null, now.GetProperty("reboots").ValueKind);

        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + id);
        Assert.Equal(30.7m, page.GetProperty("live").GetProperty("scalpC").GetDecimal()); // the session's own last sample
    }

    private static async Task<JsonElement> ChairAsync(HttpClient client)
    {
        var (_, view) = await client.GetJsonAsync("/api/board");
        return Assert.Single(view.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01");
    }

    private TelemetryReceived Sample(uint boot, uint seq, ControllerState state, short coolantTenths, short scalpTenths, TimeSpan controllerAhead) =>
        SinkMessages.Telemetry(
            new TelemetrySample("CHAIR-01", boot, seq, Clock.GetUtcNow() + controllerAhead, state, new Temperature(coolantTenths), new Temperature(scalpTenths), 620, true, ControllerAlarms.None),
            Clock.GetUtcNow());
}
