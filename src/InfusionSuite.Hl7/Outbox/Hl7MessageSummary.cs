using System.Globalization;
using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>
/// An HL7 v2 message in lines an interface analyst reads: the message type and event first, then for a DFT^P03
/// the transaction type (FT1-6 charge CG or credit CD) with the code × units and the date of service, for an
/// ORU^R01 the result status of its values (OBX-11 final, corrected or wrong) and one line per OBX.
/// </summary>
internal sealed class Hl7MessageSummary : IOutboxPayloadSummary
{
    public string ContentType => Hl7OutboxItems.ContentType;

    public string Channel => Hl7OutboxItems.Channel;

    public IReadOnlyList<string> Summarize(string payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return [];
        }

        StoredHl7Message message;
        try
        {
            message = StoredHl7Messages.Read(payload);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            return [];
        }

        if (message.Posting is { } posting)
        {
            var line = posting.Line;
            return
            [
                $"{message.MessageType} {(posting.Credit ? "credit" : "charge")} (FT1-6 {posting.TransactionType}): "
                + $"{line.Code}{(line.Display is { } display && display != line.Code ? " " + display : string.Empty)} × {line.Units.ToString(CultureInfo.InvariantCulture)}, "
                + $"date of service {line.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                + (line.ChargeMasterNumber is { } cdm ? $", charge master {cdm}" : string.Empty),
            ];
        }

        if (message.OrderStatus is null)
        {
            return [message.MessageType];
        }

        var statuses = message.Observations.GroupBy(o => o.ResultStatus, StringComparer.Ordinal).ToList();
        var status = statuses.Count == 1
            ? $"{StatusWords(statuses[0].Key)} (OBX-11 {statuses[0].Key})"
            : string.Join(", ", statuses.Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {StatusWords(g.Key)} (OBX-11 {g.Key})"));
        var count = message.Observations.Count == 1 ? "1 value" : $"{message.Observations.Count.ToString(CultureInfo.InvariantCulture)} values";
        return
        [
            $"{message.MessageType} result {message.Service}: {(statuses.Count == 0 ? "no values" : $"{count}, {status}")}; OBR-25 {message.OrderStatus}",
            .. message.Observations.Select(o =>
                $"OBX {o.Name}{(o.SubId is { } sub ? " [" + sub + "]" : string.Empty)}: {o.Value}{(o.Unit is { } unit ? " " + unit : string.Empty)} ({o.ResultStatus})"),
        ];
    }

    /// <summary>OBX-11 in an analyst's words.</summary>
    private static string StatusWords(string status) => status switch
    {
        "F" => "final",
        "C" => "corrected",
        "W" => "wrong, entered in error",
        _ => "result status",
    };
}
