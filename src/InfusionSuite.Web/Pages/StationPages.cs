using System.Globalization;
using System.Text;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Sessions;

namespace InfusionSuite.Web.Pages;

/// <summary>The chair board, a session's page, and the admins' audit and user pages.</summary>
internal static class StationPages
{
    public static void MapStationPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => Html.Page(context, "Chair board", Board(context), "board.js"));
        app.MapGet("/sessions/{id}", (HttpContext context, string id) => Html.Page(context, "Session", Session(context, id), "session.js"));
        app.MapGet("/audit", AuditAsync).RequireAuthorization(StaffRoles.AdminPolicy);
        app.MapGet("/users", UsersAsync).RequireAuthorization(StaffRoles.AdminPolicy);
    }

    private static string Board(HttpContext context) =>
        "<h1 class=\"visually-hidden\">Chair board</h1>"
        + "<p id=\"connection\" class=\"connection\" role=\"status\">Connecting to the chairs…</p>"
        + "<section id=\"board\" class=\"board\" aria-label=\"Chairs\"></section>"
        + "<section class=\"panel\" aria-labelledby=\"recent-title\"><h2 id=\"recent-title\">Sessions in the last day</h2>"
        + "<table id=\"recent\" class=\"table\"><thead><tr><th scope=\"col\">Chair</th><th scope=\"col\">Patient</th><th scope=\"col\">Status</th><th scope=\"col\">Started</th><th scope=\"col\"></th></tr></thead><tbody></tbody></table></section>"
        + Dialogs(context);

    private static string Session(HttpContext context, string id) =>
        "<div id=\"session\" data-session-id=\"" + Html.E(id) + "\">"
        + "<p class=\"back\"><a href=\"/\">← Chair board</a></p>"
        + "<h1 id=\"session-title\">Session</h1>"
        + "<p id=\"session-patient\" class=\"patient-line\"></p>"
        + "<p id=\"load-error\" class=\"error\" role=\"alert\" hidden></p>"
        + "<section id=\"live\" class=\"board single\" aria-label=\"Now\"></section>"
        + "<section class=\"panel\" aria-labelledby=\"timeline-title\"><h2 id=\"timeline-title\">Phases against targets</h2><div id=\"timeline\" class=\"timeline\"></div></section>"
        + "<section class=\"panel\" aria-labelledby=\"chart-title\"><h2 id=\"chart-title\">Temperatures</h2><div id=\"chart\" class=\"chart\"></div><p id=\"chart-note\" class=\"note\"></p></section>"
        + "<section class=\"panel\" aria-labelledby=\"deviations-title\"><h2 id=\"deviations-title\">Deviations</h2><div id=\"deviations\"></div></section>"
        + "<section class=\"panel\" aria-labelledby=\"documented-title\"><h2 id=\"documented-title\">Documented</h2><dl id=\"documented\" class=\"facts\"></dl></section>"
        + "<section class=\"panel\" aria-labelledby=\"billing-title\"><h2 id=\"billing-title\">Billing evaluation</h2><div id=\"billing\"></div></section>"
        + "<section class=\"panel\" aria-labelledby=\"fhir-title\"><h2 id=\"fhir-title\">FHIR delivery to the EHR</h2><div id=\"fhir\"></div></section>"
        + "<section class=\"panel\" aria-labelledby=\"audit-title\"><h2 id=\"audit-title\">Audit trail</h2><div id=\"audit\"></div></section>"
        + "</div>"
        + Dialogs(context);

    private static readonly string MaxText = StartSessionValidation.MaxTextLength.ToString(CultureInfo.InvariantCulture);

    /// <summary>The start form and the action form, as native dialogs (focus kept inside, Escape closes).</summary>
    private static string Dialogs(HttpContext context)
    {
        var token = Html.Antiforgery(context);
        return "<dialog id=\"start-dialog\" aria-labelledby=\"start-title\"><form id=\"start-form\" method=\"dialog\" novalidate>" + token
            + "<h2 id=\"start-title\">Start a session</h2>"
            + "<p id=\"start-error\" class=\"error\" role=\"alert\" hidden></p>"
            + Field("controllerId", "Chair", "<select id=\"controllerId\" name=\"controllerId\" required></select>")
            + Field("patientReference", "Patient MRN or EHR id", "<input id=\"patientReference\" name=\"patientReference\" required autocomplete=\"off\" maxlength=\"" + MaxText + "\">")
            + Field("patientName", "Patient name", "<input id=\"patientName\" name=\"patientName\" required autocomplete=\"off\" maxlength=\"" + MaxText + "\">")
            + Field("administrationId", "Chemotherapy administration id", "<input id=\"administrationId\" name=\"administrationId\" required autocomplete=\"off\" maxlength=\"" + MaxText + "\">")
            + Field("encounter", "Encounter (EHR id or visit number)", "<input id=\"encounter\" name=\"encounter\" autocomplete=\"off\" maxlength=\"" + MaxText + "\">")
            + Field("primaryCptCode", "Primary CPT code", "<select id=\"primaryCptCode\" name=\"primaryCptCode\" required></select>")
            + Field("regimenPreset", "Regimen preset", "<select id=\"regimenPreset\" name=\"regimenPreset\" required></select>")
            + "<div class=\"pair\">"
            + Field("preCoolingMinutes", "Pre-cooling target (min)", "<input id=\"preCoolingMinutes\" name=\"preCoolingMinutes\" type=\"number\" inputmode=\"numeric\" required>")
            + Field("postCoolingMinutes", "Post-cooling target (min)", "<input id=\"postCoolingMinutes\" name=\"postCoolingMinutes\" type=\"number\" inputmode=\"numeric\" required>")
            + "</div>"
            + Field("capSize", "Cap size (optional)", "<select id=\"capSize\" name=\"capSize\"><option value=\"\">Not recorded</option></select>")
            + "<div class=\"check\"><input id=\"firstOfCourse\" name=\"firstOfCourse\" type=\"checkbox\"><label for=\"firstOfCourse\">First session of the course (cap measured and calibrated)</label></div>"
            + Field("startMinutesAgo", "It happened … minutes ago (leave empty for now)", "<input id=\"startMinutesAgo\" name=\"minutesAgo\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"720\">")
            + "<div class=\"buttons\"><button type=\"submit\" class=\"primary\" value=\"start\">Start session</button><button type=\"button\" class=\"quiet\" data-close>Cancel</button></div>"
            + "</form></dialog>"
            + "<dialog id=\"action-dialog\" aria-labelledby=\"action-title\"><form id=\"action-form\" method=\"dialog\" novalidate>" + token
            + "<h2 id=\"action-title\">Record</h2>"
            + "<p id=\"action-error\" class=\"error\" role=\"alert\" hidden></p>"
            + "<div id=\"action-choice\" class=\"field\" hidden><label for=\"actionChoice\" id=\"action-choice-label\">Reason</label><select id=\"actionChoice\" name=\"choice\"></select></div>"
            + "<div id=\"action-score\" class=\"field\" hidden><label for=\"actionScore\">Tolerance, 0 (none) to 10</label><input id=\"actionScore\" name=\"score\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"10\"></div>"
            + "<div id=\"action-when\" class=\"field\"><label for=\"actionMinutesAgo\">It happened … minutes ago (leave empty for now)</label><input id=\"actionMinutesAgo\" name=\"minutesAgo\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"720\"></div>"
            + "<div class=\"buttons\"><button type=\"submit\" class=\"primary\" id=\"action-confirm\">Record</button><button type=\"button\" class=\"quiet\" data-close>Cancel</button></div>"
            + "</form></dialog>"
            + "<p id=\"toast\" class=\"toast\" role=\"status\" hidden></p>";
    }

    private static string Field(string id, string label, string control) =>
        "<div class=\"field\"><label for=\"" + id + "\">" + Html.E(label) + "</label>" + control + "<p class=\"field-error\" id=\"" + id + "-error\" hidden></p></div>";

    private static async Task<IResult> AuditAsync(HttpContext context, ISessionDirectory directory, IStaffAccounts accounts, SessionPageReader reader)
    {
        var ct = context.RequestAborted;
        var names = await reader.StaffNamesAsync(ct);
        var nurse = await directory.AuditAsync(200, ct);
        var staff = await accounts.AuditAsync(200, ct);
        var body = new StringBuilder("<h1>Audit</h1><p class=\"note\">Append-only: rows cannot be changed or deleted. Times are UTC.</p>");
        body.Append("<section class=\"panel\"><h2>Nurse actions</h2><table class=\"table\"><thead><tr><th scope=\"col\">Entered</th><th scope=\"col\">Happened</th><th scope=\"col\">Who</th><th scope=\"col\">Action</th><th scope=\"col\">Session</th><th scope=\"col\">What changed</th></tr></thead><tbody>");
        foreach (var a in nurse.Select(a => SessionPageReader.Audit(a, names)))
        {
            body.Append("<tr><td>").Append(Html.E(Time(a.EnteredAt))).Append("</td><td>").Append(Html.E(Time(a.EffectiveAt))).Append(a.DocumentedLate ? " (late)" : string.Empty)
                .Append("</td><td>").Append(Html.E(a.By)).Append("</td><td>").Append(Html.E(a.Action))
                .Append("</td><td><a href=\"/sessions/").Append(Html.E(Uri.EscapeDataString(a.SessionId))).Append("\">").Append(Html.E(a.SessionId[..Math.Min(8, a.SessionId.Length)])).Append("</a>")
                .Append("</td><td>").Append(Html.E(a.Change)).Append("</td></tr>");
        }

        body.Append("</tbody></table></section><section class=\"panel\"><h2>Accounts</h2><table class=\"table\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">Action</th><th scope=\"col\">User</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
        foreach (var s in staff)
        {
            body.Append("<tr><td>").Append(Html.E(Time(s.At))).Append("</td><td>").Append(Html.E(names.TryGetValue(s.Actor, out var n) ? n : s.Actor))
                .Append("</td><td>").Append(Html.E(s.Action)).Append("</td><td>").Append(Html.E(s.Subject)).Append("</td><td>").Append(Html.E(s.Detail)).Append("</td></tr>");
        }

        body.Append("</tbody></table></section>");
        return Html.Page(context, "Audit", body.ToString());
    }

    private static async Task<IResult> UsersAsync(HttpContext context, IStaffAccounts accounts, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        var body = new StringBuilder("<h1>Users</h1><p class=\"note\">Add and disable users with the admin command: <code>users add|disable|enable|token|list</code> (see the README).</p>");
        body.Append("<section class=\"panel\"><table class=\"table\"><thead><tr><th scope=\"col\">User name</th><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">State</th></tr></thead><tbody>");
        foreach (var a in await accounts.ListAsync(context.RequestAborted))
        {
            var state = a.Disabled ? "Disabled" : a.LockedUntil is { } until && until > now ? "Locked until " + Time(until) : "Active";
            body.Append("<tr><td>").Append(Html.E(a.UserName)).Append("</td><td>").Append(Html.E(a.DisplayName)).Append("</td><td>")
                .Append(Html.E(StaffClaims.RoleName(a.Role))).Append("</td><td>").Append(Html.E(state)).Append("</td></tr>");
        }

        body.Append("</tbody></table></section>");
        return Html.Page(context, "Users", body.ToString());
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
