using System.Text.RegularExpressions;
using InfusionSuite.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// An admin manages accounts in the browser at the three screen sizes: adds a user (field errors first), unlocks
/// the user after a lockout, issues an API token shown once and revokes it, resets the password (every field error
/// at once first; it revokes the user's API tokens too), disables the user (a disabled account is offered Enable, not
/// Unlock), is not offered to disable themselves (and is refused when they try); every
/// change is in the audit. On a phone each account is a block with its actions on screen, nothing scrolls sideways.
/// Writes docs/images/accounts.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountsBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 150_000)]
    public async Task Admin_AddsUnlocksIssuesAndRevokesATokenResetsThePasswordAndDisables_EachAudited()
    {
        foreach (var (name, size) in BrowserStation.Viewports)
        {
            var user = "zoe-" + name;
            var page = await station.NewPageAsync(size);
            try
            {
                await page.SignInAsync("ada");
                await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
                var add = page.Locator("form.add-user");
                await add.GetByLabel("User name").FillAsync(user);
                await add.GetByLabel("Name shown on the board").FillAsync("Zoe " + name);
                await add.GetByLabel("First password").FillAsync("short");
                await add.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
                await Expect(page.Locator("form.add-user [data-error-for='role']")).ToContainTextAsync("Choose the role");
                await Expect(page.Locator("form.add-user [data-error-for='password']")).ToContainTextAsync("at least 10 characters");
                await Expect(page.Locator("form.add-user").GetByLabel("User name")).ToHaveValueAsync(user);

                await add.GetByLabel("Role").SelectOptionAsync("nurse");
                await add.GetByLabel("First password").FillAsync("a long first password");
                await add.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
                await Expect(page.Locator(".notice")).ToHaveTextAsync("Added: " + user);
                var row = page.Locator($"tr[data-user='{user}']");
                await Expect(row.Locator(".state")).ToHaveTextAsync("Active");

                var accounts = station.Host.Services.GetRequiredService<StaffAccountService>();
                for (var i = 0; i < 5; i++)
                {
                    await accounts.SignInAsync(user, "wrong guess " + i, "10.20.0.66", CancellationToken.None);
                }

                await page.ReloadAsync();
                await Expect(row.Locator(".state")).ToHaveTextAsync(new Regex(@"^Locked out on a device for \d+ more min$")); // minutes left on the real clock, not a clock time
                if (name == "tablet")
                {
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot("accounts.png"), FullPage = true });
                }

                await row.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
                await Expect(page.Locator(".notice")).ToHaveTextAsync("Unlocked: " + user);
                await Expect(row.Locator(".state")).ToHaveTextAsync("Active");

                var issued = await page.RunAndWaitForResponseAsync(
                    () => row.GetByRole(AriaRole.Button, new() { Name = "New API token" }).ClickAsync(), r => r.Url.EndsWith("/users/change", StringComparison.Ordinal));
                Assert.Contains("no-store", await issued.HeaderValueAsync("cache-control"), StringComparison.Ordinal); // shown once: kept in no cache (the antiforgery pages are all no-store)
                var token = await page.Locator("#issued-token").TextContentAsync();
                Assert.StartsWith("isk_", token, StringComparison.Ordinal);
                Assert.Equal(user, (await accounts.FindByTokenAsync(token!, CancellationToken.None))?.UserName);
                await row.GetByRole(AriaRole.Button, new() { Name = "Revoke API tokens" }).ClickAsync();
                await Expect(page.Locator(".notice")).ToHaveTextAsync("API tokens revoked: " + user);
                Assert.Null(await accounts.FindByTokenAsync(token!, CancellationToken.None));

                // Every field's problem at once: no user chosen and a short password, both named on the first try.
                var reset = page.Locator("form[action='/users/password']");
                await reset.GetByLabel("New password").FillAsync("short");
                await reset.GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
                await Expect(page.Locator("form[action='/users/password'] [data-error-for='resetUserName']")).ToContainTextAsync("Choose the user");
                await Expect(page.Locator("form[action='/users/password'] [data-error-for='resetPassword']")).ToContainTextAsync("at least 10 characters");
                reset = page.Locator("form[action='/users/password']");
                await reset.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(user);
                await reset.GetByLabel("New password").FillAsync("short");
                await reset.GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
                await Expect(page.Locator("form[action='/users/password'] [data-error-for='resetPassword']")).ToContainTextAsync("at least 10 characters");
                await Expect(page.Locator("form[action='/users/password']").GetByLabel("User", new() { Exact = true })).ToHaveValueAsync(user);
                // "Signed out everywhere" includes API tokens: one taken before the reset no longer signs anything in.
                var before = await accounts.IssueTokenAsync(user, "ada", CancellationToken.None);
                Assert.Equal(user, (await accounts.FindByTokenAsync(before!, CancellationToken.None))?.UserName);
                await page.Locator("form[action='/users/password']").GetByLabel("New password").FillAsync("a new long password");
                await page.Locator("form[action='/users/password']").GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
                await Expect(page.Locator(".notice")).ToHaveTextAsync("Password reset (signed out everywhere, API tokens revoked): " + user);
                Assert.Null(await accounts.FindByTokenAsync(before!, CancellationToken.None));
                Assert.Equal(SignInStatus.SignedIn, (await accounts.SignInAsync(user, "a new long password", "10.20.0.9", CancellationToken.None)).Status);
                Assert.Equal(SignInStatus.Refused, (await accounts.SignInAsync(user, "a long first password", "10.20.0.9", CancellationToken.None)).Status);


                row = page.Locator($"tr[data-user='{user}']");
                await row.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
                var confirm = page.Locator("#confirm-disable");
                await Expect(confirm).ToContainTextAsync("Disable " + user + "?");
                await Expect(row.Locator(".state")).ToHaveTextAsync("Active"); // nothing changed before the second yes

                // Locked out again meanwhile, then disabled: a disabled account is offered Enable, never Unlock (unlocking it would let no one in).
                for (var i = 0; i < 5; i++)
                {
                    await accounts.SignInAsync(user, "another wrong guess " + i, "10.20.0.67", CancellationToken.None);
                }

                Assert.Equal(SignInStatus.LockedOut, (await accounts.SignInAsync(user, "a new long password", "10.20.0.67", CancellationToken.None)).Status);
                await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, disable " + user }).ClickAsync();
                await Expect(page.Locator(".notice")).ToHaveTextAsync("Disabled (API tokens revoked): " + user);
                row = page.Locator($"tr[data-user='{user}']");
                await Expect(row.Locator(".state")).ToHaveTextAsync("Disabled");
                await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToBeVisibleAsync();
                await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Unlock" })).ToHaveCountAsync(0);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), name + ": the users page scrolls sideways");
                Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('main .table-scroll')].every(b => b.scrollWidth <= b.clientWidth)"), name + ": the accounts scroll inside their box");
                var offScreen = await page.Locator("tr[data-user] button").EvaluateAllAsync<string[]>(
                    "buttons => buttons.map(b => [b, b.getBoundingClientRect()]).filter(([, r]) => r.left < 0 || r.right > window.innerWidth || r.width === 0).map(([b]) => b.closest('tr').dataset.user + ' ' + b.textContent.trim())");
                Assert.True(offScreen.Length == 0, $"{name}: actions off the screen: {string.Join(", ", offScreen)}");

                // An admin is not offered to disable their own account, and a forged request is refused, saying why.
                var own = page.Locator("tr[data-user='ada']");
                await Expect(own.GetByRole(AriaRole.Button, new() { Name = "New API token" })).ToBeVisibleAsync();
                await Expect(own.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToHaveCountAsync(0);
                var refused = await page.EvaluateAsync<string>(
                    "async () => { const f = new FormData(document.querySelector(\"tr[data-user='ada'] form\")); f.set('action', 'disable'); f.set('confirmed', 'yes');"
                    + " const r = await fetch('/users/change', { method: 'POST', body: f }); return r.status + ' ' + (await r.text()); }");
                Assert.StartsWith("400 ", refused, StringComparison.Ordinal);
                Assert.Contains("you cannot disable your own account", refused, StringComparison.Ordinal);
                await page.ReloadAsync();
                await Expect(page.Locator("tr[data-user='ada'] .state")).ToHaveTextAsync("Active");
                foreach (var button in await page.Locator("main button:visible").AllAsync())
                {
                    var box = await button.BoundingBoxAsync();
                    Assert.True(box is { Height: >= 48, Width: >= 48 }, $"{name}: '{await button.TextContentAsync()}' is {box?.Width}×{box?.Height} px");
                }

                await page.GotoAsync("/audit");
                await Expect(page.Locator("tr", new() { HasText = "locked-out" }).Filter(new() { HasText = user }).First).ToContainTextAsync("sign-in check"); // not the account's owner
                foreach (var action in new[] { "user-added", "locked-out", "user-unlocked", "token-issued", "tokens-revoked", "password-reset", "user-disabled" })
                {
                    await Expect(page.Locator("tr", new() { HasText = action }).Filter(new() { HasText = user }).First).ToBeVisibleAsync();
                }
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-accounts-{name}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }
}
