using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Shapes;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// A session's Bundle in lines a nurse or an interface analyst reads: the chair, then each resource with
/// its code, status and what matters in it (the Procedure's summary with the deviations, an Observation's
/// value, a charge's rule), and how it is sent (create or update).
/// </summary>
internal sealed class FhirBundleSummary : IOutboxPayloadSummary
{
    public string ContentType => FhirOutboxItems.ContentType;

    public string Channel => FhirOutboxItems.Channel;

    public IReadOnlyList<string> Summarize(string payload) => Summarize(payload, null, new Dictionary<string, ReceiverResource>(StringComparer.Ordinal));

    /// <summary>
    /// As <see cref="Summarize(string)"/>, but where the item went one resource at a time, each line says what the EHR
    /// did with it (<c>created Procedure/123</c>) or that it was not sent and why (<c>not sent: the EHR does not take ChargeItem</c>).
    /// </summary>
    public IReadOnlyList<string> Summarize(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var latest = new Dictionary<string, ReceiverResource>(StringComparer.Ordinal);
        foreach (var resource in item.Attempts.OrderBy(a => a.Number).SelectMany(a => a.Resources))
        {
            latest[resource.Key] = resource;
        }

        return Summarize(item.Payload, item.SessionId, latest);
    }

    private static IReadOnlyList<string> Summarize(string payload, string? sessionId, Dictionary<string, ReceiverResource> atReceiver)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return [];
        }

        Bundle bundle;
        try
        {
            bundle = FhirJson.Parse<Bundle>(payload);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var entry in bundle.Entry)
        {
            var how = entry.Request?.Method == Bundle.HTTPVerb.PUT ? "update" : "create";
            if (entry.Resource is { } sent && sessionId is not null && atReceiver.GetValueOrDefault(ResourceFields.Key(sent, sessionId)) is { } there)
            {
                how = there switch
                {
                    { Outcome: ReceiverResource.LeftOut } => "not sent: " + (there.Reason ?? "left out"),
                    { Reference: { } reference } => $"{there.Outcome} {reference}",
                    _ => there.Outcome,
                };
            }

            lines.Add(entry.Resource switch
            {
                Device d when how is "create" or "update" => $"Chair {d.Identifier.FirstOrDefault()?.Value} ({how} Device)",
                Device d => $"Chair {d.Identifier.FirstOrDefault()?.Value} (Device {how})",
                Procedure p => $"Procedure {Code(p.Code)}: {p.Status?.GetLiteral()} ({how}){Note(p.Note)}",
                Observation o => $"Observation {o.Code?.Text ?? Code(o.Code)}: {Value(o)}, {o.Status?.GetLiteral()} ({how})",
                ChargeItem c => $"Charge {Code(c.Code)} × {c.Quantity?.Value?.ToString(CultureInfo.InvariantCulture) ?? "1"}: {c.Status?.GetLiteral()} ({how}){Note(c.Note)}",
                { } other => $"{other.TypeName} ({how})",
                null => "(empty entry)",
            });
        }

        return lines;
    }

    private static string Code(CodeableConcept? code) =>
        code?.Coding.FirstOrDefault() is { } coding ? $"{coding.Code} {coding.Display}".Trim() : code?.Text ?? "—";

    private static string Value(Observation observation) => observation.Value switch
    {
        Quantity q => $"{q.Value?.ToString(CultureInfo.InvariantCulture)} {q.Unit}".Trim(),
        null when observation.Component.Count > 0 => string.Join(", ", observation.Component.Select(c => $"{c.Code?.Text ?? Code(c.Code)} {(c.Value as Quantity)?.Value?.ToString(CultureInfo.InvariantCulture)}")),
        null => "no value",
        { } other => other.ToString() ?? string.Empty,
    };

    private static string Note(List<Annotation> notes) =>
        notes.FirstOrDefault()?.Text is { Length: > 0 } text ? " — " + text : string.Empty;
}
