using System.Text;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// Exports outbox Bundles as NDJSON: one transaction Bundle per line, ready to be POSTed to an
/// EHR's base URL. Works with no EHR configured (the Bundles are kept all the same).
/// </summary>
public static class FhirNdjsonExport
{
    /// <summary>Writes the items the query selects, oldest first; returns how many Bundles were written.</summary>
    public static async Task<int> WriteAsync(IOutbox outbox, OutboxQuery query, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var items = (await outbox.ListAsync(query, cancellationToken))
            .Where(i => string.Equals(i.ContentType, FhirOutboxItems.ContentType, StringComparison.Ordinal)).ToList();
        await WriteAsync(Enumerable.Reverse(items).OrderBy(i => i.EnqueuedAt), destination, cancellationToken); // newest first → oldest first, ties in enqueue order
        return items.Count(i => !string.IsNullOrWhiteSpace(i.Payload));
    }

    public static async System.Threading.Tasks.Task WriteAsync(IEnumerable<OutboxItem> items, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.Payload))
            {
                continue; // a session whose Bundle could not be made: parked with the reason, nothing to export
            }

            var line = item.Payload.Contains('\n', StringComparison.Ordinal)
                ? FhirJson.Serialize(FhirJson.Parse<Bundle>(item.Payload))
                : item.Payload;
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
