using System.Globalization;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Shapes;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// What the EHR did with each entry of an accepted transaction, read from its transaction-response (same order as the request):
/// <c>created Procedure/123</c> (201), <c>already at the EHR Procedure/123</c> (200 to a conditional create), <c>updated …</c>
/// (200 to a PUT), with the request and the status. Kept with the attempt under each resource's key (as in the other shapes), so the session page
/// says what the EHR did, not what was asked (issue 14's trial: "(create)" stayed after the Bundle was accepted).
/// </summary>
internal static class TransactionOutcomes
{
    public const string Created = "created";

    public const string AlreadyThere = "already at the EHR";

    public const string Updated = "updated";

    public static IReadOnlyList<ReceiverResource> Of(Bundle sent, Bundle? response, string sessionId)
    {
        if (response is null)
        {
            return [];
        }

        var outcomes = new List<ReceiverResource>();
        foreach (var (entry, answer) in sent.Entry.Zip(response.Entry))
        {
            if (entry.Resource is not { } resource || answer.Response is not { } done)
            {
                continue;
            }

            var key = ResourceFields.Key(resource, sessionId);
            var status = Status(done.Status);
            var put = entry.Request?.Method == Bundle.HTTPVerb.PUT;
            var outcome = status == 201 ? Created : put ? Updated : AlreadyThere;
            outcomes.Add(new ReceiverResource(key, Reference(done.Location), outcome)
            {
                Request = $"{entry.Request?.Method} {entry.Request?.Url}".Trim(),
                HttpStatus = status,
            });
        }

        return outcomes;
    }

    /// <summary>The code of a response status such as <c>201 Created</c>; null when there is none.</summary>
    private static int? Status(string? status) =>
        status is { Length: >= 3 } && int.TryParse(status.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;

    /// <summary><c>Type/id</c> of a location such as <c>https://ehr/fhir/Procedure/123/_history/1</c>; null when there is none.</summary>
    private static string? Reference(string? location)
    {
        if (string.IsNullOrEmpty(location))
        {
            return null;
        }

        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var history = Array.IndexOf(parts, "_history");
        var end = history >= 0 ? history : parts.Length;
        return end >= 2 ? parts[end - 2] + "/" + parts[end - 1] : location;
    }
}
