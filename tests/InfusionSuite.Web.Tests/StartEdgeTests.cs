using System.Net;

namespace InfusionSuite.Web.Tests;

/// <summary>Issue 13, small things: a controllerId outside CCP/1's form is a 400 naming the field; a session documented late is listed.</summary>
public sealed class StartEdgeTests : StationTest
{
    [Theory(Timeout = 30_000)]
    [InlineData("CHAIR 07")]
    [InlineData("chair/7")]
    [InlineData("CHAIR-0123456789-0123456789-012345")]
    public async Task ControllerIdOutsideTheCcpForm_Is400NamingControllerId_AndNoCardAppears(string controllerId)
    {
        using var nurse = Host.Client("alice");

        var (response, body) = await nurse.PostAsync("/api/sessions", new StartBody(controllerId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["controllerId"], body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
        var (_, board) = await nurse.GetJsonAsync("/api/board");
        Assert.DoesNotContain(board.GetProperty("chairs").EnumerateArray(), c => c.GetProperty("controllerId").GetString() == controllerId);
    }

    [Fact(Timeout = 30_000)]
    public async Task SessionStartedTwoDaysBackButEnteredNow_IsInTheRecentList()
    {
        using var nurse = Host.Client("alice");
        Clock.Advance(TimeSpan.FromDays(3));

        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", EffectiveAt: Clock.GetUtcNow().AddDays(-2)));

        Assert.True(started.IsSuccessStatusCode, body.ToString());
        var id = body.GetProperty("sessionId").GetString();
        var (_, recent) = await nurse.GetJsonAsync("/api/sessions");
        Assert.Contains(recent.EnumerateArray(), s => s.GetProperty("sessionId").GetString() == id);
    }
}
