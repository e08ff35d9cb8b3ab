using System.Net;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// A chair shows its ended session for the late-message window after its end (30 min by default: what a restart would still
/// show), then it is free: one rule with or without a restart. A session documented long after it ended shows on no chair as
/// today's (issue 16 trial: a fresh demo's Chair 1 showed its seeded history, weeks old, as "Completed").
/// </summary>
public sealed class EndedSessionOnBoardTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task EndedSession_ShowsOnItsChairForTheLateMessageWindow_ThenTheChairIsFree_AsAfterARestart()
    {
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = body.Text("sessionId")!;
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{id}/abort", new { reason = "Other", details = "test" })).Response.StatusCode);

        Assert.Equal(id, await ChairSessionAsync(nurse));
        Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(id, await ChairSessionAsync(nurse));
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await ChairSessionAsync(nurse));

        await Host.DisposeAsync();
        Host = await StationHost.RestartAsync(StationHost.Settings(Db.Path), Clock);
        using var again = Host.Client("alice");
        Assert.Null(await ChairSessionAsync(again));
    }

    [Fact(Timeout = 60_000)]
    public async Task SessionDocumentedHoursAfterItEnded_IsListedAsDocumentedToday_ButItsChairIsFree()
    {
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", EffectiveAt: Nine.AddHours(-5)));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = body.Text("sessionId")!;
        Assert.Equal(id, await ChairSessionAsync(nurse)); // open: on its chair
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{id}/abort", new { reason = "Other", details = "documented late", effectiveAt = Nine.AddHours(-4) })).Response.StatusCode);

        Assert.Null(await ChairSessionAsync(nurse));
        var (_, recent) = await nurse.GetJsonAsync("/api/sessions");
        Assert.Contains(recent.EnumerateArray(), s => s.Text("sessionId") == id);
    }

    private static async Task<string?> ChairSessionAsync(HttpClient client)
    {
        var (_, board) = await client.GetJsonAsync("/api/board");
        return Assert.Single(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01").Text("sessionId");
    }
}
