using System.Net;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Issue 13: a start on a chair nothing has ever been heard from (not configured, no controller has spoken, never
/// stored) is a 409 naming the condition, until the request confirms the chair with <c>confirmUnheardController</c>;
/// a typo no longer leaves a phantom chair on the board. Configured chairs start as before.
/// </summary>
public sealed class UnheardChairApiTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task StartOnAChairNeverHeardFrom_Is409NamingIt_NoPhantomChair_ConfirmedItStartsAndIsAudited()
    {
        using var nurse = Host.Client("alice");

        var (asked, problem) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-1O", ConfirmUnheardController: false));

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        Assert.Equal("NeedsConfirmation", problem.Text("reason"));
        Assert.Equal("confirmUnheardController", problem.Text("field"));
        Assert.Equal("Confirm the chair: its controller has never been heard from", problem.Text("title"));
        Assert.Contains("The controller of chair CHAIR-1O has never been heard from, and it is not a configured chair.", problem.Text("detail"), StringComparison.Ordinal);
        var (_, board) = await nurse.GetJsonAsync("/api/board");
        Assert.DoesNotContain(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-1O");

        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-1O", ConfirmUnheardController: true));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + body.Text("sessionId"));
        var start = Assert.Single(page.GetProperty("audit").EnumerateArray(), a => a.Text("action") == "StartSession");
        Assert.Contains("chair confirmed by the nurse: its controller had never been heard from", start.Text("change"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task PhantomChair_ConfirmedStartThenVoided_LeavesTheBoard_AConfiguredChairVoidedStays()
    {
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-1O", ConfirmUnheardController: true));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Contains((await nurse.GetJsonAsync("/api/board")).Body.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-1O");

        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{body.Text("sessionId")}/void", new { reason = "WrongChair" })).Response.StatusCode);

        // Not configured, its controller never heard, no open session: no chair to show.
        var (_, board) = await nurse.GetJsonAsync("/api/board");
        Assert.DoesNotContain(board.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-1O");

        var (configured, other) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", ConfirmUnheardController: false));
        Assert.Equal(HttpStatusCode.Created, configured.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{other.Text("sessionId")}/void", new { reason = "WrongChair" })).Response.StatusCode);
        Assert.Contains((await nurse.GetJsonAsync("/api/board")).Body.GetProperty("chairs").EnumerateArray(), c => c.Text("controllerId") == "CHAIR-01");
    }

    [Fact(Timeout = 60_000)]
    public async Task StartOnAConfiguredChair_NeedsNoConfirmation_EvenBeforeItsControllerSpeaks()
    {
        using var nurse = Host.Client("alice");

        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", ConfirmUnheardController: false));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + body.Text("sessionId"));
        var start = Assert.Single(page.GetProperty("audit").EnumerateArray(), a => a.Text("action") == "StartSession");
        Assert.DoesNotContain("chair confirmed", start.Text("change") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenApi_DescribesTheConfirmation()
    {
        using var nurse = Host.Client("alice");
        var (_, document) = await nurse.GetJsonAsync("/openapi/v1.json");

        var property = document.GetProperty("components").GetProperty("schemas").GetProperty("StartSessionBody").GetProperty("properties").GetProperty("confirmUnheardController");
        Assert.Contains("never been heard from", property.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
