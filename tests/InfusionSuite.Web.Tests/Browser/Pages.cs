using Microsoft.Playwright;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>What a user does in the browser, in their words.</summary>
internal static class Pages
{
    public static async Task SignInAsync(this IPage page, string user, string password = StationHost.Password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static ILocator Chair(this IPage page, string controllerId) => page.Locator($"article.chair[data-controller=\"{controllerId}\"]");

    /// <summary>Presses an action button on a chair card and confirms the dialog.</summary>
    public static async Task RecordAsync(this IPage page, string controllerId, string button)
    {
        await page.Chair(controllerId).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        var dialog = page.Locator("#action-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    public static async Task StartSessionAsync(this IPage page, string controllerId, string patient, string name, int preCooling, int postCooling)
    {
        await page.Chair(controllerId).GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        var form = page.Locator("#start-dialog");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Patient MRN or EHR id").FillAsync(patient);
        await form.GetByLabel("Patient name").FillAsync(name);
        await form.GetByLabel("Chemotherapy administration id").FillAsync("MA-" + controllerId);
        await form.GetByLabel("Encounter (EHR id or visit number)").FillAsync("V-" + controllerId); // without a visit the charges are held
        await form.GetByLabel("Regimen preset").SelectOptionAsync(new SelectOptionValue { Label = "Standard (30 / 90 min)" });
        await form.GetByLabel("Pre-cooling target (min)").FillAsync(preCooling.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Post-cooling target (min)").FillAsync(postCooling.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync();
    }

    /// <summary>
    /// The alarms and prompts shown on small cards (7 chairs or more; a card with an alarm leaves its prompts to the strip)
    /// whose short words are not shown whole: hidden, cut, out of
    /// their card or under the countdown; each as "CHAIR-nn words". Empty when every one is readable.
    /// </summary>
    public static Task<string[]> CutAlarmsAndPromptsAsync(IPage page) =>
        page.Locator(".board:is([data-density='compact'], [data-density='dense']) article.chair :is(.alarm-item, .prompt)").EvaluateAllAsync<string[]>(
            "items => items.filter(i => i.getClientRects().length > 0).filter(i => { const s = i.querySelector('.alarm-short, .prompt-short'), r = s.getBoundingClientRect(), card = i.closest('article').getBoundingClientRect();"
            + " const t = i.closest('article').querySelector('.countdown'), c = t.hidden ? null : t.getBoundingClientRect();"
            + " return getComputedStyle(s).display === 'none' || r.width < 20 || r.left < card.left || r.right > card.right"
            + " || i.scrollWidth > i.clientWidth + 1 || i.scrollHeight > i.clientHeight + 1"
            + " || (c !== null && !(r.right <= c.left || c.right <= r.left || r.bottom <= c.top || c.bottom <= r.top)); })"
            + ".map(i => i.closest('article').dataset.controller + ' ' + i.querySelector('.alarm-short, .prompt-short').textContent)");

    /// <summary>
    /// What needs a nurse and is hidden on the strip without saying so: an item cut by the strip's edge or the screen's,
    /// or hidden items that the "+N more" place does not count exactly; each as words. Empty when nothing is hidden silently.
    /// </summary>
    public static Task<string[]> SilentlyHiddenOnTheStripAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => {
              const list = document.getElementById('strip-items'), box = list.getBoundingClientRect(), out = [];
              const inside = r => r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1
                && r.top >= -1 && r.left >= -1 && r.right <= innerWidth + 1;
              const items = [...list.querySelectorAll('li[data-kind]')];
              const hidden = items.filter(i => i.getClientRects().length === 0);
              for (const item of items) {
                if (hidden.includes(item)) continue;
                if (!inside(item.getBoundingClientRect())) out.push('"' + item.textContent + '" cut at ' + Math.round(item.getBoundingClientRect().bottom) + ' px (strip ends at ' + Math.round(box.bottom) + ')');
              }
              const more = list.querySelector('.strip-more');
              const shown = more !== null && more.getClientRects().length > 0;
              if (shown && !inside(more.getBoundingClientRect())) out.push('"' + more.textContent + '" cut');
              const said = shown ? Number((more.textContent.match(/^\+(\d+) more/) ?? [0, 0])[1]) : 0;
              if (said !== hidden.length) out.push(hidden.length + ' of ' + items.length + ' hidden, ' + said + ' said');
              return out;
            }
            """);

    public static string Screenshot(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfusionSuite.sln")))
            {
                var folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "images"));
                return Path.Combine(folder.FullName, name);
            }
        }

        throw new InvalidOperationException("InfusionSuite.sln was not found above the test output folder.");
    }
}
