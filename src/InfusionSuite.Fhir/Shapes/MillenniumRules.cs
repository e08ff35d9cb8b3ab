using Hl7.Fhir.Model;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// Oracle Health Millennium's documented write rules (docs/integration.md): a Procedure only as
/// <c>completed</c> (a stopped session says so in the note), Observations only of the categories it
/// takes, charges through <c>ChargeItem/$create</c> with the site's bill code, reversals by <c>$credit</c>.
/// </summary>
internal static class MillenniumRules
{
    private static readonly string[] s_observationCategories = ["vital-signs", "laboratory"];

    /// <summary>A stopped session's Procedure goes as completed (what was done is final), the stop first in its note.</summary>
    public static void Prepare(Procedure procedure)
    {
        if (procedure.Status == EventStatus.Stopped)
        {
            var reason = procedure.StatusReason?.Text ?? "Stopped early.";
            procedure.Status = EventStatus.Completed;
            procedure.Note.Insert(0, new Annotation { Text = $"{reason} (stopped before the planned end; recorded as completed for what was done)." });
        }
    }

    /// <summary>Millennium ignores a Procedure's <c>partOf</c> and <c>usedReference</c>: they are not sent, so not looked up either.</summary>
    public static void DropIgnoredReferences(Bundle bundle)
    {
        foreach (var procedure in bundle.Entry.Select(e => e.Resource).OfType<Procedure>())
        {
            procedure.PartOf = [];
            procedure.UsedReference = [];
        }
    }

    public static bool Takes(Observation observation) =>
        observation.Category.SelectMany(c => c.Coding).Any(c => s_observationCategories.Contains(c.Code, StringComparer.Ordinal));

    /// <summary>The <c>$create</c> Parameters of a billable charge; its transaction id is the same on every resend.</summary>
    public static Parameters Create(ChargeItem charge, string sessionId, FhirDeliveryOptions options)
    {
        var cpt = charge.Code.Coding.FirstOrDefault();
        var code = cpt?.Code ?? string.Empty;
        var billCode = options.BillCodes.GetValueOrDefault(code, code);
        var parameters = new Parameters();
        parameters.Add("transactionId", new FhirString(TransactionId(sessionId, ResourceFields.Key(charge, sessionId), "create")));
        parameters.Add("subject", charge.Subject);
        parameters.Add("context", charge.Context);
        parameters.Add("code", new CodeableConcept { Coding = [new Coding(options.BillCodeSystem, billCode, cpt?.Display)], Text = charge.Code.Text });
        if (charge.Occurrence is FhirDateTime occurrence)
        {
            parameters.Add("occurrence", occurrence);
        }

        parameters.Add("quantity", charge.Quantity);
        if (charge.Service.FirstOrDefault() is { } service)
        {
            parameters.Add("service", service);
        }

        return parameters;
    }

    public static Parameters Credit(string sessionId, string key)
    {
        var parameters = new Parameters();
        parameters.Add("transactionId", new FhirString(TransactionId(sessionId, key, "credit")));
        return parameters;
    }

    private static string TransactionId(string sessionId, string key, string action) =>
        DeterministicUuid.Urn(sessionId, $"{key}/{action}")["urn:uuid:".Length..];
}
