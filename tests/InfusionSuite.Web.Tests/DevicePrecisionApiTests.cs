using System.Net;
using System.Text.RegularExpressions;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>Issue 13: a value a device sent is not altered. The REST API writes −4.0 °C as <c>-4.0</c>, never <c>-4</c>.</summary>
public sealed class DevicePrecisionApiTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task TemperaturesOfWholeDegrees_KeepTheDevicesDecimal_OnTheBoardAndTheSessionsJson()
    {
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var sessionId = body.Text("sessionId")!;
        var sink = Host.Services.GetRequiredService<IControllerMessageSink>();
        var at = Clock.GetUtcNow();
        await sink.WriteAsync(SinkMessages.Event(new ControllerEvent("CHAIR-01", 0x5eed0002, 1, at, ControllerEventKind.Setpoint, "-5.0"), at), CancellationToken.None);
        await sink.WriteAsync(
            SinkMessages.Telemetry(new TelemetrySample("CHAIR-01", 0x5eed0002, 2, at, ControllerState.Cooling, new Temperature(-40), new Temperature(160), 620, true, ControllerAlarms.None), at),
            CancellationToken.None);

        var board = await nurse.GetStringAsync(new Uri("/api/board", UriKind.Relative));
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !board.Contains("\"setpointC\":-5", StringComparison.Ordinal) || board.Contains("\"coolantC\":null", StringComparison.Ordinal);)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the board did not show the sample and the setpoint within 20 s: " + board);
            await Task.Delay(20);
            board = await nurse.GetStringAsync(new Uri("/api/board", UriKind.Relative));
        }

        Assert.Contains("\"coolantC\":-4.0", board, StringComparison.Ordinal);
        Assert.Contains("\"scalpC\":16.0", board, StringComparison.Ordinal);
        Assert.Contains("\"setpointC\":-5.0", board, StringComparison.Ordinal);

        var telemetry = await nurse.GetStringAsync(new Uri($"/api/sessions/{sessionId}/telemetry", UriKind.Relative));
        Assert.Contains("\"setpoint\":-5.0", telemetry, StringComparison.Ordinal);
        Assert.Contains("\"coolant\":-4.0", telemetry, StringComparison.Ordinal);
        Assert.Contains("\"scalp\":16.0", telemetry, StringComparison.Ordinal);
        var session = await nurse.GetStringAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative));
        Assert.Contains(":-4.0", session, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("\"(coolantC|scalpC|setpointC|celsius|min|max)\":-?\\d+[,}]"), session);
        Assert.DoesNotMatch(new Regex("\"(coolantC|scalpC|setpointC|coolant|scalp|setpoint)\":-?\\d+[,}]"), board + telemetry);
    }
}
