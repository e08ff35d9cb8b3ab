using InfusionSuite.Application.Ehr;
using InfusionSuite.Web.Accounts;

namespace InfusionSuite.Web.Api;

/// <summary>
/// The start form's look-up in the configured EHR (nurses): <c>GET /api/ehr/patients?mrn=…</c> answers the
/// patients with that MRN, each with its open visits, so the form fills the EHR's ids; <c>configured</c> false
/// (and nothing else) when no EHR is set. The answer names patients: nurses only, never logged.
/// </summary>
internal static class EhrLookupEndpoints
{
    public static RouteGroupBuilder MapEhrLookup(this RouteGroupBuilder api)
    {
        api.MapGet("/ehr/patients", FindAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy).WithTags("EHR")
            .WithSummary("Find a patient by MRN, with the open visits, in the configured EHR (for the start form)");
        return api;
    }

    private static async Task<IResult> FindAsync(string? mrn, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IEhrPatientLookup>() is not { IsConfigured: true } lookup)
        {
            return TypedResults.Ok(new EhrLookupView(false, [], null));
        }

        if (string.IsNullOrWhiteSpace(mrn) || mrn.Length > 200)
        {
            return ActionResults.Invalid("mrn", "Enter the patient's MRN to look up.");
        }

        var found = await lookup.FindByMrnAsync(mrn, cancellationToken);
        return TypedResults.Ok(new EhrLookupView(true, found.Patients, found.Problem));
    }
}
