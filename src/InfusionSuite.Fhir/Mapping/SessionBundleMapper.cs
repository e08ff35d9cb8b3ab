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
public sealed class SessionBundleMapper
{
    private readonly FhirMappingOptions _options;
    private readonly BillingPolicy _billing;

    /// <summary>A mapper with the shipped code set and the UTC date of service.</summary>
    public SessionBundleMapper(FhirMappingOptions options)
        : this(options, BillingPolicy.Default)
    {
    }

    /// <summary>A mapper whose Procedures take the codes of the site's code set in force on their date of service.</summary>
    public SessionBundleMapper(FhirMappingOptions options, BillingPolicy billing)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(billing);
        _options = options;
        _billing = billing;
    }

    /// <summary>
    /// The session's Bundle; with <paramref name="correction"/> (documentation added after it was sent) its
    /// Procedures, Observations and ChargeItems are conditional updates of what was sent, not creates the server would ignore.
    /// </summary>
    public Bundle Map(ScalpCoolingSessionRecord record, SessionFhirContext context, bool correction = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        if (record.Status is not (SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided))
        {
            throw new ArgumentException("Only a completed, stopped or voided session is sent to the EHR.", nameof(record));
        }

        var scope = new BundleScope(record, context, _options);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var device = DeviceMapping.Controller(scope);
        bundle.Entry.Add(BundleEntries.Create(scope.DeviceUrn, device, device.Identifier[0]));

        var procedures = new Dictionary<BillingCodeScope, (string Code, ResourceReference Reference)>();
        foreach (var (codeScope, make) in new (BillingCodeScope, Func<BundleScope, BillingCodeRow, Procedure?>)[]
        {
            (BillingCodeScope.Session, ProcedureMapping.Placement),
            (BillingCodeScope.Course, ProcedureMapping.Calibration),
        })
        {
            if (ScalpCoolingBilling.CodeInForce(record, codeScope, _billing) is not { } code || make(scope, code) is not { } procedure)
            {
                continue;
            }

            var urn = scope.ProcedureUrn(code.Code);
            procedures[codeScope] = (code.Code, new ResourceReference(urn));
            bundle.Entry.Add(Entry(scope, urn, procedure, procedure.Identifier[0], correction));
        }

        if (procedures.TryGetValue(BillingCodeScope.Session, out var placement))
        {
            foreach (var (key, observation) in ObservationMapping.All(scope, placement.Reference))
            {
                bundle.Entry.Add(Entry(scope, DeterministicUuid.Urn(scope.SessionId, key), observation, observation.Identifier[0], correction));
            }
        }

        if (_options.ChargeItems)
        {
            foreach (var decision in Decisions(scope, procedures.Values.Select(p => p.Code), _billing))
            {
                var service = procedures.TryGetValue(decision.Scope == BillingCodeScope.Course ? BillingCodeScope.Course : BillingCodeScope.Session, out var billed)
                    ? billed.Reference
                    : null;
                var charge = ChargeItemMapping.For(scope, decision, service);
                bundle.Entry.Add(Entry(scope, DeterministicUuid.Urn(scope.SessionId, "charge/" + decision.Code), charge, charge.Identifier[0], correction));
            }
        }

        return bundle;
    }

    /// <summary>
    /// The correction of a session's charges after they were decided again: its ChargeItems alone, as
    /// conditional updates on the identifiers sent before (each names the Procedure it bills by identifier).
    /// </summary>
    public Bundle MapChargeCorrection(ScalpCoolingSessionRecord record, SessionFhirContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var scope = new BundleScope(record, context, _options);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var decision in Decisions(scope, [], _billing))
        {
            var billed = decision.Scope == BillingCodeScope.Course
                ? ScalpCoolingBilling.CodeInForce(record, BillingCodeScope.Course, _billing)
                : ScalpCoolingBilling.CodeInForce(record, BillingCodeScope.Session, _billing);
            var service = billed is null ? null : new ResourceReference { Type = "Procedure", Identifier = scope.SessionIdentifier(billed.Code) };
            var charge = ChargeItemMapping.For(scope, decision, service);
            bundle.Entry.Add(BundleEntries.Update(DeterministicUuid.Urn(scope.SessionId, "charge/" + decision.Code), charge, charge.Identifier[0]));
        }

        return bundle;
    }

    /// <summary>
    /// This session's decisions: per-session code, time code, fitting. A voided session also voids the
    /// charge of every Procedure it had (billing no longer decides anything for it, but a charge may have been sent).
    /// </summary>
    private static IEnumerable<CodeDecision> Decisions(BundleScope scope, IEnumerable<string> procedureCodes, BillingPolicy billing)
    {
        var decisions = scope.Context.Charges
            .Where(d => string.Equals(d.SessionId, scope.SessionId, StringComparison.Ordinal))
            .ToList();
        if (scope.Voided)
        {
            var date = decisions.Count > 0
                ? decisions[0].DateOfService
                : ScalpCoolingBilling.DateOfService(scope.Record, BillingCodeScope.Session, billing);
            decisions.AddRange(procedureCodes
                .Where(code => !decisions.Exists(d => d.Code == code))
                .Select(code => new CodeDecision(code, scope.SessionId, date, [NotBillableReason.SessionVoided])
                {
                    Scope = billing.Codes.Rows.FirstOrDefault(r => r.Code == code)?.Scope ?? BillingCodeScope.Course,
                    Display = billing.Codes.Rows.FirstOrDefault(r => r.Code == code)?.Display ?? string.Empty,
                }));
        }

        return decisions.OrderBy(d => d.Scope switch { BillingCodeScope.Session => 0, BillingCodeScope.Time => 1, _ => 2 });
    }

    private static Bundle.EntryComponent Entry(BundleScope scope, string fullUrl, Resource resource, Identifier identifier, bool correction) =>
        scope.Voided || correction ? BundleEntries.Update(fullUrl, resource, identifier) : BundleEntries.Create(fullUrl, resource, identifier);
}
