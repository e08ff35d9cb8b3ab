using System.Net;
using System.Text.Json;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Issue 13's trial: one figure per phase everywhere. The session page's JSON gives each phase the figure the EHR's note and
/// its deviation use (the domain's one rule): post-abort cooling counts only the minutes the controller cooled, warm-up is not
/// cooled at all, and seconds are whole seconds begun, so that minutes shown from them are the note's minutes.
/// </summary>
public sealed class PhaseFiguresApiTests : StationTest
{
    private const uint Boot = 0x5eed0013;
    private uint _seq;

    [Fact(Timeout = 60_000)]
    public async Task AbortedThenCooledThreeMinutesAndCapOnSevenMore_PostAbortCoolingIsThreeMinutes_AsTheNoteSays()
    {
        using var nurse = Host.Client("alice");
        var id = await InfusingAfterAsync(nurse, "CHAIR-03", TimeSpan.FromMinutes(30) + TimeSpan.FromMilliseconds(500));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await StepAsync(nurse, id, "abort", new { reason = "Headache" });
        Clock.Advance(TimeSpan.FromMinutes(3));
        await EventAsync("CHAIR-03", ControllerEventKind.CoolingStop);
        Clock.Advance(TimeSpan.FromMinutes(7));
        await EventAsync("CHAIR-03", ControllerEventKind.CapOff);

        var phases = await PhasesWhenAsync(nurse, id, p => p.Any(x => x.Text("phase") == "PostAbortCooling" && x.GetProperty("end").ValueKind != JsonValueKind.Null));
        var pre = phases.Single(p => p.Text("phase") == "PreCooling");
        Assert.Equal(30 * 60 + 1, pre.GetProperty("durationSeconds").GetInt64()); // 30 min 0.5 s: a second begun counts
        Assert.Equal(30 * 60 + 1, pre.GetProperty("cooledSeconds").GetInt64());
        var afterAbort = phases.Single(p => p.Text("phase") == "PostAbortCooling");
        Assert.Equal(10 * 60, afterAbort.GetProperty("durationSeconds").GetInt64());
        Assert.Equal(7 * 60, afterAbort.GetProperty("notCoolingSeconds").GetInt64());
        Assert.Equal(3 * 60, afterAbort.GetProperty("cooledSeconds").GetInt64());
        Assert.True(afterAbort.GetProperty("countsCoolingOnly").GetBoolean());

        // The note sent to the EHR says the same minutes (rounded up from the same figures).
        var note = await LatestPayloadAsync(id);
        Assert.Contains("31 of 30 min", note, StringComparison.Ordinal);
        Assert.Contains("3 min (7 min not cooling not counted)", note, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CompletedSession_WarmUpIsNotCooled_ItsWholeDurationIsNotCooling()
    {
        using var nurse = Host.Client("alice");
        var id = await InfusingAfterAsync(nurse, "CHAIR-04", TimeSpan.FromMinutes(30));
        Clock.Advance(TimeSpan.FromMinutes(20));
        await StepAsync(nurse, id, "infusion-ended", null);
        Clock.Advance(TimeSpan.FromMinutes(90));
        await EventAsync("CHAIR-04", ControllerEventKind.CoolingStop);
        Clock.Advance(TimeSpan.FromMinutes(7));
        await EventAsync("CHAIR-04", ControllerEventKind.CapOff);

        var phases = await PhasesWhenAsync(nurse, id, p => p.Any(x => x.Text("phase") == "WarmUp" && x.GetProperty("end").ValueKind != JsonValueKind.Null));
        var warmUp = phases.Single(p => p.Text("phase") == "WarmUp");
        Assert.Equal(7 * 60, warmUp.GetProperty("durationSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, warmUp.GetProperty("cooledSeconds").ValueKind);
        Assert.Equal(7 * 60, warmUp.GetProperty("notCoolingSeconds").GetInt64());
        Assert.False(warmUp.GetProperty("countsCoolingOnly").GetBoolean());
        Assert.Equal(90 * 60, phases.Single(p => p.Text("phase") == "PostCooling").GetProperty("cooledSeconds").GetInt64());
    }

    /// <summary>Starts a session on <paramref name="chair"/>, its controller places and cools the cap, and the infusion starts <paramref name="preCooling"/> later.</summary>
    private async Task<string> InfusingAfterAsync(HttpClient nurse, string chair, TimeSpan preCooling)
    {
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody(chair));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = body.Text("sessionId")!;
        await EventAsync(chair, ControllerEventKind.CapOn);
        await EventAsync(chair, ControllerEventKind.CoolingStart);
        Clock.Advance(preCooling);
        await StepAsync(nurse, id, "infusion-started", null);
        return id;
    }

    private static async Task StepAsync(HttpClient nurse, string id, string action, object? request)
    {
        var (response, answer) = await nurse.PostAsync($"/api/sessions/{id}/{action}", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, action + ": " + answer);
    }

    private async Task EventAsync(string chair, ControllerEventKind kind)
    {
        var at = Clock.GetUtcNow();
        var sink = Host.Services.GetRequiredService<IControllerMessageSink>();
        await sink.WriteAsync(SinkMessages.Event(new ControllerEvent(chair, Boot, ++_seq, at, kind, null), at), CancellationToken.None);
    }

    private static async Task<List<JsonElement>> PhasesWhenAsync(HttpClient nurse, string id, Func<List<JsonElement>, bool> done)
    {
        for (var tries = 0; ; tries++)
        {
            var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + id);
            var phases = page.GetProperty("phases").EnumerateArray().ToList();
            if (done(phases))
            {
                return phases;
            }

            Assert.True(tries < 400, "the phases never got there: " + page);
            await Task.Delay(50);
        }
    }

    private async Task<string> LatestPayloadAsync(string sessionId)
    {
        for (var tries = 0; ; tries++)
        {
            await using var connection = new SqliteConnection($"Data Source={Db.Path};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT payload FROM outbox WHERE session_id = $id AND payload LIKE '%not cooling not counted%' ORDER BY item_key DESC LIMIT 1";
            command.Parameters.AddWithValue("$id", sessionId);
            if (await command.ExecuteScalarAsync() is string payload)
            {
                return payload;
            }

            Assert.True(tries < 400, "no report of the session with its post-abort cooling in the outbox");
            await Task.Delay(50);
        }
    }
}
