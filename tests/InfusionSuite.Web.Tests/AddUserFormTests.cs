using System.Net;
using System.Text.RegularExpressions;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// The admin's add-user form names every field's problem at once (found by a fresh user of issue 16: the display
/// name's error came only after the role and password were fixed, one more try for each), keeps what was typed but the
/// password, and adds nobody.
/// </summary>
public sealed partial class AddUserFormTests : StationTest
{
    [Fact(Timeout = 60_000)]
    public async Task EveryFieldsProblem_IsNamedAtOnce_AndNobodyIsAdded()
    {
        using var admin = Host.Client(null);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(admin, "ada", StationHost.Password, AccessTests.FormToken(await admin.GetStringAsync("/signin")))).StatusCode);
        var token = AccessTests.FormToken(await admin.GetStringAsync("/users"));

        var response = await admin.PostAsync("/users/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = "two words",
            ["displayName"] = " ",
            ["role"] = "surgeon",
            ["password"] = "short",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var shown = FieldErrors().Matches(page).Where(m => m.Groups["text"].Value.Length > 0).ToDictionary(m => m.Groups["field"].Value, m => m.Groups["text"].Value);
        Assert.Equal(["displayName", "password", "role", "userName"], shown.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("no spaces", shown["userName"], StringComparison.Ordinal);
        Assert.Contains("display name is required", shown["displayName"], StringComparison.Ordinal);
        Assert.Contains("Choose the role", shown["role"], StringComparison.Ordinal);
        Assert.Contains("at least 10 characters", shown["password"], StringComparison.Ordinal);
        Assert.Contains("value=\"two words\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("two words", await admin.GetStringAsync("/api/audit"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<p class=\"field-error\" data-error-for=\"(?<field>[A-Za-z]+)\"[^>]*>(?<text>[^<]*)</p>")]
    private static partial Regex FieldErrors();
}
