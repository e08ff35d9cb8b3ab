using System.Net;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Every chair the station has heard of stays on the board after a restart, offline until its controller speaks;
/// controllers neither configured, known nor under the auto-registration limit are refused and shown to engineers only.
/// </summary>
public sealed class KnownChairsTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task ChairHeardOfBeforeARestart_StaysOnTheBoard_Offline_UntilNotHeardForTheKeptTime()
    {
        using (var nurse = Host.Client("alice"))
        {
            var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-77"));
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var (aborted, _) = await nurse.PostAsync($"/api/sessions/{body.Text("sessionId")}/abort", new { reason = "Other", details = "test: chair freed" });
            Assert.Equal(HttpStatusCode.OK, aborted.StatusCode);
        }

        // Its controller says hello (stored with the time it came).
        await Host.Services.GetRequiredService<IControllerMessageSink>().WriteAsync(
            new ControllerHelloReceived(new ControllerHello("CHAIR-77", 0x5eed0077, "SIM-1", "1.0.0", 1))
            {
                ControllerId = "CHAIR-77", Transport = CcpTransport.Mqtt, Site = "clinic", ReceivedAt = Clock.GetUtcNow(), Acknowledgement = MessageAcknowledgement.None,
            },
            CancellationToken.None);
        var directory = Host.Services.GetRequiredService<Application.Ports.ISessionDirectory>();
        await Eventually.HoldsAsync(
            async () => (await directory.ControllersAsync(CancellationToken.None)).Any(c => c.ControllerId == "CHAIR-77" && c.LastHelloAt is not null),
            TimeSpan.FromSeconds(20), "the hello stored");

        await Host.DisposeAsync();
        Host = await StationHost.RestartAsync(StationHost.Settings(Db.Path), Clock);

        using var engineer = Host.Client("eve");
        var (_, board) = await engineer.GetJsonAsync("/api/board");
        var chair = Assert.Single(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-77");
        Assert.False(chair.GetProperty("online").GetBoolean());
        Assert.Contains(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01"); // configured, never heard

        // Not configured, not heard for longer than the board keeps such a chair, no open session: it leaves; configured chairs stay.
        Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1)); // NurseStation:UnconfiguredChairKeptFor's default
        var (_, later) = await engineer.GetJsonAsync("/api/board");
        Assert.DoesNotContain(later.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-77");
        Assert.Contains(later.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01");
    }

    [Fact(Timeout = 60_000)]
    public async Task ChairNeverHeard_StaysByItsSession_AcrossARestart_AChairWhoseOnlySessionWasVoidedLeaves()
    {
        using (var nurse = Host.Client("alice"))
        {
            var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-79"));
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{body.Text("sessionId")}/abort", new { reason = "Other", details = "test: chair freed" })).Response.StatusCode);
            var (phantom, phantomBody) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-80"));
            Assert.Equal(HttpStatusCode.Created, phantom.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{phantomBody.Text("sessionId")}/void", new { reason = "EnteredInError" })).Response.StatusCode);
        }

        using (var engineer = Host.Client("eve"))
        {
            var (_, before) = await engineer.GetJsonAsync("/api/board");
            Assert.Contains(before.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-79");
            Assert.DoesNotContain(before.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-80");
        }

        Clock.Advance(TimeSpan.FromMinutes(30));
        await Host.DisposeAsync();
        Host = await StationHost.RestartAsync(StationHost.Settings(Db.Path), Clock);

        using var engineerAgain = Host.Client("eve");
        var (_, board) = await engineerAgain.GetJsonAsync("/api/board");
        var chair = Assert.Single(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-79");
        Assert.False(chair.GetProperty("online").GetBoolean());
        Assert.DoesNotContain(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-80");

        // Kept for the kept time after the session's end, like a chair whose controller was heard.
        Clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(31));
        var (_, later) = await engineerAgain.GetJsonAsync("/api/board");
        Assert.DoesNotContain(later.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-79");
    }

    /// <summary>
    /// An unconfigured chair's aborted session, then 8.5 h later a session on it voided: the chair stays for the aborted
    /// session's kept time (the board's record is only the latest, voided, session), and leaves after it (issue 13 trial).
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task LaterSessionVoided_TheChairStaysForItsEarlierSessionsKeptTime()
    {
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-81"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{body.Text("sessionId")}/abort", new { reason = "Other", details = "test: chair freed" })).Response.StatusCode);
        Clock.Advance(TimeSpan.FromHours(8.5));
        var (again, againBody) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-81"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{againBody.Text("sessionId")}/void", new { reason = "EnteredInError" })).Response.StatusCode);

        using var engineer = Host.Client("eve");
        var (_, board) = await engineer.GetJsonAsync("/api/board");
        Assert.Contains(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-81");

        Clock.Advance(TimeSpan.FromHours(4)); // 12.5 h after the abort (and its listening window)
        var (_, later) = await engineer.GetJsonAsync("/api/board");
        Assert.DoesNotContain(later.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-81");
    }

    [Fact(Timeout = 60_000)]
    public async Task UnknownControllersOverTheLimit_AreShownToEngineersOnly_NeverAsChairs_KnownOnesStayAdmittedAfterARestart()
    {
        using (var nurse = Host.Client("alice"))
        {
            var (started, _) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-78"));
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        await Host.DisposeAsync();
        var settings = StationHost.Settings(Db.Path);
        settings["Ingest:AutoRegisteredControllerLimit"] = "0";
        Host = await StationHost.RestartAsync(settings, Clock);
        var sink = Host.Services.GetRequiredService<IControllerMessageSink>();
        await sink.WriteAsync(Sample("CHAIR-78", 1), CancellationToken.None); // stored before the restart: admitted
        await sink.WriteAsync(Sample("CHAIR-01", 1), CancellationToken.None); // configured: admitted
        await sink.WriteAsync(Sample("SPOOF-9", 1), CancellationToken.None); // the writer takes them in order: these two come last
        await sink.WriteAsync(Sample("SPOOF-9", 2), CancellationToken.None);

        using var engineer = Host.Client("eve");
        var admission = Host.Services.GetRequiredService<Application.Ingest.ControllerAdmission>();
        await Eventually.HoldsAsync(() => admission.RefusedMessages == 2, TimeSpan.FromSeconds(20), "the refused messages counted");
        var (_, board) = await engineer.GetJsonAsync("/api/board");
        var refused = board.GetProperty("refused");
        Assert.Equal(0, refused.GetProperty("limit").GetInt32());
        Assert.Equal("SPOOF-9", Assert.Single(refused.GetProperty("controllers").EnumerateArray()).Text("controllerId"));
        Assert.DoesNotContain(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "SPOOF-9");
        using var nurseAgain = Host.Client("alice");
        var (_, nurseBoard) = await nurseAgain.GetJsonAsync("/api/board");
        Assert.True(!nurseBoard.TryGetProperty("refused", out var none) || none.ValueKind == System.Text.Json.JsonValueKind.Null);
        var (_, controllers) = await engineer.GetJsonAsync("/api/controllers");
        Assert.DoesNotContain(controllers.EnumerateArray(), c => c.Text("controllerId") == "SPOOF-9");
    }

    private TelemetryReceived Sample(string controllerId, uint seq) =>
        SinkMessages.Telemetry(
            new TelemetrySample(controllerId, 0x5eed0001, seq, Clock.GetUtcNow(), ControllerState.Cooling, new Temperature(-40), new Temperature(160), 620, true, ControllerAlarms.None), Clock.GetUtcNow());
}
