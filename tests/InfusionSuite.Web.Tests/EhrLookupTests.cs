using System.Net;

namespace InfusionSuite.Web.Tests;

/// <summary>Without an EHR the start form works as before: no look-up offered, and the look-up answers "not configured".</summary>
public sealed class EhrLookupTests : StationTest
{
    [Fact(Timeout = 30_000)]
    public async Task WithoutAnEhr_TheStartFormOffersNoLookUp_AndTheApiSaysSo_NursesOnly()
    {
        using var nurse = Host.Client("alice");
        using var engineer = Host.Client("eve");

        var (_, choices) = await nurse.GetJsonAsync("/api/choices");
        var (response, answer) = await nurse.GetJsonAsync("/api/ehr/patients?mrn=MRN-1");

        Assert.False(choices.GetProperty("ehrLookup").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(answer.GetProperty("configured").GetBoolean());
        Assert.Equal(0, answer.GetProperty("patients").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/ehr/patients?mrn=MRN-1")).StatusCode);
    }
}
