using System.Net;
using System.Text.Json;
using InfusionSuite.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// A chair whose site is changing hands (the owner's report of its controller no longer under a live lease: the owner
/// stopped, died, or lost the database for longer than its lease, and nobody has heard the controller since) is neither
/// online nor offline: its card says so and raises no alarm, for the handover time; then, still unheard, it is offline
/// and its running session alarms (issue 18 trial: a planned failover put "Controller offline" on every chair for 2 s).
/// </summary>
public sealed class HandoverPresenceTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task ControllerWhoseSiteChangesHands_IsNoAlarmForTheHandover_ThenOfflineIsAnAlarm()
    {
        var owners = Host.Services.GetRequiredService<OwnersPresence>();
        owners.Replace(new Dictionary<string, OwnerReport> { ["CHAIR-01"] = new(Online: true, Live: true) }); // its site's owner hears it
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{body.Text("sessionId")}/cap-placed", new { })).Response.StatusCode);
        var chair = await ChairAsync(nurse);
        Assert.True(chair.GetProperty("online").GetBoolean());

        owners.Replace(new Dictionary<string, OwnerReport> { ["CHAIR-01"] = new(Online: true, Live: false) }); // the owner stopped
        chair = await ChairAsync(nurse);
        Assert.False(chair.GetProperty("online").GetBoolean());
        Assert.True(chair.GetProperty("linkInHandover").GetBoolean());
        Assert.DoesNotContain(chair.GetProperty("alarms").EnumerateArray(), a => a.Text("code") == "CONTROLLER_OFFLINE");
        var (_, board) = await nurse.GetJsonAsync("/api/board");
        Assert.DoesNotContain(board.GetProperty("urgent").EnumerateArray(), item => item.Text("text")!.Contains("offline", StringComparison.Ordinal));

        Clock.Advance(OwnersPresence.Handover); // nobody heard it meanwhile
        chair = await ChairAsync(nurse);
        Assert.False(chair.GetProperty("linkInHandover").GetBoolean());
        Assert.Contains(chair.GetProperty("alarms").EnumerateArray(), a => a.Text("code") == "CONTROLLER_OFFLINE");
    }

    private static async Task<JsonElement> ChairAsync(HttpClient client)
    {
        var (_, board) = await client.GetJsonAsync("/api/board");
        return Assert.Single(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01");
    }
}
