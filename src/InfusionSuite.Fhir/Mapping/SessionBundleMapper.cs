using Hl7.Fhir.Model;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// Turns one ended session into the transaction Bundle of docs/fhir-mapping.md. Pure: the same
/// record and context give the identical Bundle. Every entry is a conditional create on its
/// identifier; a voided session's Procedures, Observations and ChargeItems are conditional
/// updates to <c>entered-in-error</c> instead, so a void reaches resources already sent.
/// </summary>
public sealed class SessionBundleMapper(FhirMappingOptions options)
{
    public Bundle Map(ScalpCoolingSessionRecord record, SessionFhirContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        if (record.Status is not (SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided))
        {
            throw new ArgumentException("Only a completed, stopped or voided session is sent to the EHR.", nameof(record));
        }

        var scope = new BundleScope(record, context, options);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var device = DeviceMapping.Controller(scope);
        bundle.Entry.Add(BundleEntries.Create(scope.DeviceUrn, device, device.Identifier[0]));

        var procedures = new Dictionary<string, ResourceReference>(StringComparer.Ordinal);
        foreach (var (code, procedure) in new[]
        {
            (ScalpCoolingCodes.Placement, ProcedureMapping.Placement(scope)),
            (ScalpCoolingCodes.Calibration, ProcedureMapping.Calibration(scope)),
        })
        {
            if (procedure is null)
            {
                continue;
            }

            var urn = scope.ProcedureUrn(code);
            procedures[code] = new ResourceReference(urn);
            bundle.Entry.Add(Entry(scope, urn, procedure, procedure.Identifier[0]));
        }

        if (procedures.TryGetValue(ScalpCoolingCodes.Placement, out var placement))
        {
            foreach (var (key, observation) in ObservationMapping.All(scope, placement))
            {
                bundle.Entry.Add(Entry(scope, DeterministicUuid.Urn(scope.SessionId, key), observation, observation.Identifier[0]));
            }
        }

        if (options.ChargeItems)
        {
            foreach (var decision in Decisions(scope, procedures.Keys))
            {
                var charge = ChargeItemMapping.For(scope, decision, procedures.GetValueOrDefault(decision.Code));
                bundle.Entry.Add(Entry(scope, DeterministicUuid.Urn(scope.SessionId, "charge/" + decision.Code), charge, charge.Identifier[0]));
            }
        }

        return bundle;
    }

    /// <summary>
    /// This session's decisions, 0663T first. A voided session also voids the charge of every
    /// Procedure it had (billing no longer decides anything for it, but a charge may have been sent).
    /// </summary>
    private static IEnumerable<CodeDecision> Decisions(BundleScope scope, IEnumerable<string> procedureCodes)
    {
        var decisions = scope.Context.Charges
            .Where(d => string.Equals(d.SessionId, scope.SessionId, StringComparison.Ordinal))
            .ToList();
        if (scope.Voided)
        {
            var date = decisions.Count > 0
                ? decisions[0].DateOfService
                : DateOnly.FromDateTime(ScalpCoolingBilling.ServiceInstant(scope.Record).UtcDateTime);
            decisions.AddRange(procedureCodes
                .Where(code => !decisions.Exists(d => d.Code == code))
                .Select(code => new CodeDecision(code, scope.SessionId, date, [NotBillableReason.SessionVoided])));
        }

        return decisions.OrderBy(d => d.Code == ScalpCoolingCodes.Placement ? 0 : 1);
    }

    private static Bundle.EntryComponent Entry(BundleScope scope, string fullUrl, Resource resource, Identifier identifier) =>
        scope.Voided ? BundleEntries.Update(fullUrl, resource, identifier) : BundleEntries.Create(fullUrl, resource, identifier);
}
