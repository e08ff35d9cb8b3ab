using System.Security.Claims;
using System.Text.RegularExpressions;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Board;
using InfusionSuite.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Api;

/// <summary>The read side: board (and its live stream), choices, sessions, telemetry, controllers, audit.</summary>
internal static partial class ReadEndpoints
{
    private const int RecentLimit = 50;

    public static RouteGroupBuilder MapReads(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(Me(user))).WithTags("Board").WithSummary("The signed-in user");
        api.MapGet("/board", async (ClaimsPrincipal user, BoardReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ReadAsync(user.SeesPatients(), user.RunsSessions(), ct))).WithTags("Board").WithSummary("Every chair now");
        api.MapGet("/board/stream", BoardStream.Stream).WithTags("Board").WithSummary("The board as server-sent events (event: board)");
        api.MapGet("/choices", Choices).WithTags("Board").WithSummary("Presets, codes and reasons the forms offer");
        api.MapGet("/sessions", RecentAsync).WithTags("Sessions").WithSummary("Sessions started in the last day, newest first");
        api.MapGet("/sessions/{id}", SessionAsync).WithTags("Sessions").WithSummary("A session's record, billing, FHIR delivery and audit trail");
        api.MapGet("/sessions/{id}/fhir", async (string id, FhirDeliveryReader reader, CancellationToken ct) => TypedResults.Ok(await reader.PayloadsAsync(id, ct)))
            .RequireAuthorization(StaffRoles.PatientDataPolicy).WithTags("Sessions")
            .WithSummary("What was sent to the EHR for the session: each item's payload, what it carries in readable lines, and every attempt");
        api.MapGet("/sessions/{id}/telemetry", TelemetryAsync).WithTags("Sessions").WithSummary("The session's temperatures, averaged to at most the chart's points");
        api.MapGet("/controllers", ControllersAsync).WithTags("Devices").WithSummary("Every controller heard from");
        api.MapGet("/audit", AuditAsync).RequireAuthorization(StaffRoles.AdminPolicy).WithTags("Audit").WithSummary("The latest audit rows (admins)");
        return api;
    }

    public static MeView Me(ClaimsPrincipal user) => new(
        user.UserId(), user.Identity?.Name ?? string.Empty, user.DisplayNameOf(), user.FindFirstValue(ClaimTypes.Role) ?? string.Empty,
        user.SeesPatients(), user.RunsSessions(), user.IsAdmin());

    private static async Task<Ok<ChoicesView>> Choices(
        IOptions<Application.Configuration.SessionOptions> sessions, BillingPolicy billing, Board.BoardReader board, IOptions<NurseStationOptions> options,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var policy = sessions.Value.ToPolicy();
        var settings = options.Value;
        // The chairs the board shows, in its order (a chair that left the board, e.g. a voided phantom, is not offered); the
        // configured ones while the board is still loading.
        var view = await board.ReadAsync(showPatients: false, runsSessions: true, cancellationToken);
        List<ChoiceView> chairs = view.Loading
            ? [.. settings.Chairs.Keys.Select(id => new ChoiceView(id, settings.ChairLabel(id))).OrderBy(c => c.Text, Board.BoardReader.LabelOrder)]
            : view.Chairs.Select(c => new ChoiceView(c.ControllerId, c.Label)).ToList();
        return TypedResults.Ok(new ChoicesView(
            [.. policy.Presets.Select(p => new PresetView(p.Name, (int)p.Targets.PreCooling.TotalMinutes, (int)p.Targets.PostCooling.TotalMinutes))],
            (int)policy.MinimumTarget.TotalMinutes,
            (int)policy.MaximumTarget.TotalMinutes,
            [.. billing.AllowedPrimaryCodes.Order(StringComparer.Ordinal)],
            ChoicesOf<CapSize>(),
            ChoicesOf<AbortReason>(),
            ChoicesOf<VoidReason>(),
            ChoicesOf<AdverseEventKind>(),
            chairs)
        {
            EhrLookup = services.GetService<Application.Ehr.IEhrPatientLookup>()?.IsConfigured ?? false,
        });
    }

    private static async Task<Ok<List<ListingView>>> RecentAsync(
        ClaimsPrincipal user, ISessionDirectory directory, IPatientNames patients, IOptions<NurseStationOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var listings = await directory.RecentAsync(timeProvider.GetUtcNow().AddDays(-1), RecentLimit, cancellationToken);
        var names = user.SeesPatients()
            ? await patients.FindForSessionsAsync([.. listings.Select(l => l.SessionId)], cancellationToken)
            : null;
        return TypedResults.Ok(listings.Select(l => new ListingView(
            l.SessionId, l.ControllerId, options.Value.ChairLabel(l.ControllerId), l.Status.ToString(), l.StartedAt, l.EndedAt,
            names is null ? null : new PatientView(l.PatientReference, names.TryGetValue(l.SessionId, out var n) ? n : null))).ToList());
    }

    private static async Task<Results<Ok<SessionPageView>, ProblemHttpResult>> SessionAsync(
        string id, ClaimsPrincipal user, SessionPageReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, user.SeesPatients(), user.RunsSessions(), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : NotFound();

    private static async Task<Results<Ok<TelemetryView>, ProblemHttpResult>> TelemetryAsync(
        string id, IChairBoard board, ISessionDirectory directory, IOptions<NurseStationOptions> options, CancellationToken cancellationToken)
    {
        if (await board.SessionAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        // On the session's timeline: the controller's clock corrected as the session's events are (a skewed or stepped clock).
        var record = detail.Record;
        var samples = (await directory.SamplesAsync(id, cancellationToken))
            .Select(s => s with { At = record.OnServerClock(s.Boot, s.Seq, s.At) })
            .OrderBy(s => s.At)
            .ToList();
        return TypedResults.Ok(new TelemetryView(id, samples.Count, record.Temperatures.Setpoint?.Celsius, TelemetryDownsampler.Downsample(samples, options.Value.ChartPoints)));
    }

    private static async Task<Ok<List<ControllerView>>> ControllersAsync(
        IChairBoard board, ISessionDirectory directory, IOptions<NurseStationOptions> options, CancellationToken cancellationToken)
    {
        var rows = board.Current().ToDictionary(r => r.ControllerId, StringComparer.Ordinal);
        var known = await directory.ControllersAsync(cancellationToken);
        var ids = known.Select(k => k.ControllerId).Concat(rows.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return TypedResults.Ok(ids.Select(id =>
        {
            var listing = known.FirstOrDefault(k => k.ControllerId == id);
            rows.TryGetValue(id, out var row);
            return new ControllerView(id, options.Value.ChairLabel(id), row?.ControllerOnline ?? false, listing?.Model, listing?.Firmware, listing?.LastHelloAt, row?.SessionId);
        }).ToList());
    }

    private static async Task<Ok<AuditPageView>> AuditAsync(int? limit, SessionPageReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.AuditPageAsync(Math.Clamp(limit ?? SessionPageReader.AuditPageRows, 1, 1000), cancellationToken));

    private static List<ChoiceView> ChoicesOf<T>()
        where T : struct, Enum =>
        [.. Enum.GetNames<T>().Select(name => new ChoiceView(name, Words(name)))];

    /// <summary><c>PatientIntolerance</c> → <c>Patient intolerance</c>; short names such as <c>XL</c> stay.</summary>
    internal static string Words(string name) =>
        name.Length <= 2 ? name : UpperInside().Replace(name, m => " " + m.Value.ToLowerInvariant());

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("No session has this id.", statusCode: StatusCodes.Status404NotFound, title: "No such session");

    [GeneratedRegex("(?<!^)[A-Z]")]
    private static partial Regex UpperInside();
}
