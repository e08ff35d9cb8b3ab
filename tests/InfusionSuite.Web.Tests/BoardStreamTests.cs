using System.Net;
using System.Text.Json;

namespace InfusionSuite.Web.Tests;

/// <summary>The live board: server-sent events that show a change at once, patient fields only for clinical staff.</summary>
public sealed class BoardStreamTests : StationTest
{
    [Fact(Timeout = 30_000)]
    public async Task StartedSession_AppearsOnTheStreamWithinASecond()
    {
        using var screen = Host.Client("alice");
        using var response = await screen.GetAsync("/api/board/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await NextBoardAsync(reader);
        var configured = Assert.Single(first.GetProperty("chairs").EnumerateArray());
        Assert.Equal("Chair 1 (window)", configured.Text("label"));
        Assert.False(configured.GetProperty("online").GetBoolean());

        using var nurse = Host.Client("alice");
        var started = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", PatientName: "Jane Roe"));
        Assert.Equal(HttpStatusCode.Created, started.Response.StatusCode);
        // The stream carries the session, then its name (stored just after the start): what it shows, not how fast this machine is.
        while (true)
        {
            var board = await NextBoardAsync(reader);
            var chair = board.GetProperty("chairs").EnumerateArray().Single(c => c.Text("controllerId") == "CHAIR-01");
            if (chair.Text("sessionId") == started.Body.Text("sessionId"))
            {
                Assert.Equal("Started", chair.Text("status"));
                if (chair.GetProperty("patient").Text("name") == "Jane Roe")
                {
                    break; // the name is stored just after the start is: it shows by the next refresh at the latest
                }
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task EngineerStream_CarriesNoPatientField()
    {
        using var nurse = Host.Client("alice");
        await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", PatientReference: "MRN-HIDDEN", PatientName: "Hidden Name"));
        using var engineer = Host.Client("eve");
        using var response = await engineer.GetAsync("/api/board/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var board = await NextBoardAsync(reader);
        Assert.False(board.GetProperty("showsPatients").GetBoolean());
        Assert.False(board.GetProperty("runsSessions").GetBoolean());
        var chair = board.GetProperty("chairs")[0];
        Assert.Equal(JsonValueKind.Null, chair.GetProperty("patient").ValueKind);
        Assert.DoesNotContain("MRN-HIDDEN", board.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> NextBoardAsync(StreamReader reader)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        string? line;
        var sawEvent = false;
        while ((line = await reader.ReadLineAsync(limit.Token)) is not null)
        {
            if (line == "event: board")
            {
                sawEvent = true;
            }
            else if (sawEvent && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }
}
