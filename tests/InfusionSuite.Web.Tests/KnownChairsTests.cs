using System.Net;

namespace InfusionSuite.Web.Tests;

/// <summary>Every chair the station has heard of stays on the board after a restart, offline until its controller speaks.</summary>
public sealed class KnownChairsTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task ChairHeardOfBeforeARestart_StaysOnTheBoard_Offline()
    {
        using (var nurse = Host.Client("alice"))
        {
            var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-77"));
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var (aborted, _) = await nurse.PostAsync($"/api/sessions/{body.Text("sessionId")}/abort", new { reason = "Other" });
            Assert.Equal(HttpStatusCode.OK, aborted.StatusCode);
        }

        await Host.DisposeAsync();
        Host = await StationHost.RestartAsync(StationHost.Settings(Db.Path), Clock);

        using var engineer = Host.Client("eve");
        var (_, board) = await engineer.GetJsonAsync("/api/board");
        var chair = Assert.Single(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-77");
        Assert.False(chair.GetProperty("online").GetBoolean());
        Assert.Contains(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01"); // configured, never heard
    }
}
