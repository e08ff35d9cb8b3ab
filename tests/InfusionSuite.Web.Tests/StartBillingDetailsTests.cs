using System.Net;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// What billing needs beyond the visit (ordering provider NPI, ICD-10-CM diagnoses, payer) can be given with the start
/// (issue 12: the start form had no place for them), checked by the same rule as on the session page: a bad one is a
/// 400 naming its field and nothing is stored; good ones are on the record, audited as given.
/// </summary>
public sealed class StartBillingDetailsTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task BillingDetailsGivenWithTheStart_AreOnTheRecordAndAudited()
    {
        using var nurse = Host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody(
            "CHAIR-31", OrderingProviderNpi: "1234567893", Diagnoses: [" c50.911", "Z51.11"], Payer: "Medicare"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var sessionId = body.Text("sessionId");

        var (_, session) = await nurse.GetJsonAsync($"/api/sessions/{sessionId}");
        var details = session.GetProperty("billing").GetProperty("details");
        Assert.Equal("1234567893", details.Text("orderingProviderNpi"));
        Assert.Equal(["C50.911", "Z51.11"], details.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Medicare", details.Text("payer"));
        Assert.Equal("V-1001", details.Text("visit"));
        var actions = session.GetProperty("audit").EnumerateArray().Select(a => a.Text("action")).ToList();
        Assert.Equal(["StartSession", "BillingDetails"], actions);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("1234567890", null, "orderingProviderNpi")] // the check digit is wrong
    [InlineData(null, "C50-911", "diagnoses")]
    public async Task ABadBillingDetail_Is400NamingItsField_AndNothingIsStored(string? npi, string? diagnosis, string field)
    {
        using var nurse = Host.Client("alice");
        var (response, problem) = await nurse.PostAsync("/api/sessions", new StartBody(
            "CHAIR-32", OrderingProviderNpi: npi, Diagnoses: diagnosis is null ? null : [diagnosis]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the 400 names {field}");
        var (_, recent) = await nurse.GetJsonAsync("/api/sessions");
        Assert.DoesNotContain(recent.EnumerateArray(), s => s.Text("controllerId") == "CHAIR-32");
    }
}
