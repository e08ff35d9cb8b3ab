using System.Text.Json.Serialization;
using InfusionSuite.Application.Ports;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Api;
using InfusionSuite.Web.Board;
using InfusionSuite.Web.Commands;
using InfusionSuite.Web.Pages;
using InfusionSuite.Web.Sessions;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Web;

/// <summary>Registers and maps the nurse station: pages, the REST API with its OpenAPI document, sign-in and tokens.</summary>
public static class NurseStationRegistration
{
    /// <summary>
    /// Adds the nurse station (options <c>NurseStation</c>, validated at start). Needs the worker
    /// (<c>AddIngest</c>) and storage (<c>AddStorage</c>); shows FHIR delivery when an <c>IOutbox</c> is registered.
    /// </summary>
    public static IHostApplicationBuilder AddNurseStation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NurseStationOptions>().BindConfiguration(NurseStationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddStaffAuthentication();
        services.AddSignInRateLimit();
        services.AddProblemDetails();
        services.AddExceptionHandler<Api.StorageUnavailableAnswer>(); // 503 + Retry-After; anything else a 500 problem, never an empty answer
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // answered with the field by UnreadableBody
        services.AddRazorComponents();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "InfusionSuite nurse station";
            document.Info.Description = "Scalp-cooling sessions: the chair board, nurse actions and session records. "
                + "Sign in with a cookie (browser; POSTs need the X-CSRF-TOKEN header) or send 'Authorization: Bearer <token>'.";
            return Task.CompletedTask;
        }));
        services.TryAddSingleton(SignInClock.Real);
        services.TryAddSingleton<StaffAccountService>();
        services.TryAddSingleton<SignInCheck>();
        services.TryAddSingleton<KnownChairs>();
        services.AddSingleton<IConfiguredControllers, ConfiguredChairs>(); // replaces the worker's default (none): configured chairs are always admitted
        services.TryAddSingleton<BoardReader>();
        services.TryAddSingleton<SessionBillingReader>();
        services.TryAddSingleton<FhirDeliveryReader>();
        services.TryAddSingleton<SessionPageReader>();
        services.TryAddSingleton<Courses.CourseReader>();
        services.TryAddSingleton<Courses.CourseListReader>();
        services.TryAddSingleton<Courses.CourseAuditReader>();
        services.TryAddSingleton<StaffCommand>();
        return builder;
    }

    /// <summary>Maps the pages, <c>/api</c>, <c>/openapi/v1.json</c> and the static files (the framework's static assets, <c>/static/…</c>); everything but the health endpoints needs a signed-in user or a token.</summary>
    public static WebApplication MapNurseStation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.Use(UnreadableBody.Answer);
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi();
        if (!app.Environment.IsDevelopment())
        {
            // A build output run outside Development (dotnet run, the tests' hosts) finds wwwroot through the
            // build's runtime manifest; a published app has the files under wwwroot/static and no such manifest.
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/favicon.ico", () => Results.Redirect("/static/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription(); // browsers ask before reading the page's icon link
        app.MapSignIn();
        app.MapStationPages();
        Courses.CoursePages.MapCoursePages(app);
        Reports.ReportPages.MapReportPages(app);
        var api = app.MapGroup("/api").AddEndpointFilter<CookieAntiforgeryFilter>().DisableAntiforgery();
        api.MapReads();
        api.MapSessionActions();
        api.MapOutbox();
        api.MapCourses();
        api.MapReports();
        api.MapEhrLookup();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }
}
