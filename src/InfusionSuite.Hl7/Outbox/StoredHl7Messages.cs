using System.Globalization;
using InfusionSuite.Hl7.Encoding;
using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>
/// Reads back the few fields InfusionSuite needs from a message it made itself (an outbox payload):
/// MSH-10 and MSH-9, FT1-2/4/6/7 (code, display, charge-master number)/10 of a DFT^P03, and OBR-4/25 and each OBX's
/// 3/4/5/6/11 of an ORU^R01. Not a general HL7 parser: it knows the encoder's output and nothing else.
/// </summary>
public static class StoredHl7Messages
{
    public static StoredHl7Message Read(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length < 8 || !payload.StartsWith("MSH", StringComparison.Ordinal)
            || Hl7Delimiters.TryCreate(payload[3], payload[4..8]) is not { } delimiters)
        {
            throw new FormatException("The stored payload is not an HL7 v2 message.");
        }

        var segments = payload.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(delimiters.Field)).ToList();
        var msh = segments[0];
        var type = At(msh, 8).Split(delimiters.Component);
        var messageType = type.Length >= 2 ? type[0] + "^" + type[1] : type[0];
        ChargePosting? posting = null;
        if (segments.Find(s => s[0] == "FT1") is { } ft1)
        {
            var code = At(ft1, 7).Split(delimiters.Component);
            var line = new ChargeLine(
                Hl7Escaping.Unescape(code[0], delimiters),
                DateOnly.ParseExact(At(ft1, 4).Split(delimiters.Component)[0][..8], "yyyyMMdd", CultureInfo.InvariantCulture),
                int.Parse(At(ft1, 10), NumberStyles.Integer, CultureInfo.InvariantCulture),
                Hl7Escaping.Unescape(At(ft1, 2), delimiters),
                code.Length > 1 && code[1].Length > 0 ? Hl7Escaping.Unescape(code[1], delimiters) : null,
                code.Length > 3 && code[3].Length > 0 ? Hl7Escaping.Unescape(code[3], delimiters) : null);
            posting = new ChargePosting(line, Credit: At(ft1, 6) == "CD");
        }

        var obr = segments.Find(s => s[0] == "OBR");

        // MSH-1 is the separator itself, so MSH field n sits at index n - 1 of the split.
        return new StoredHl7Message(Hl7Escaping.Unescape(At(msh, 9), delimiters), messageType, posting)
        {
            Service = obr is null ? null : Named(At(obr, 4), delimiters),
            OrderStatus = obr is null ? null : At(obr, 25),
            Observations = [.. segments.Where(s => s[0] == "OBX").Select(obx => new StoredObservation(
                Named(At(obx, 3), delimiters),
                Optional(At(obx, 4), delimiters),
                At(obx, 2) is "CE" or "CWE" ? Named(At(obx, 5), delimiters) : Hl7Escaping.Unescape(At(obx, 5), delimiters),
                Optional(At(obx, 6).Split(delimiters.Component)[0], delimiters),
                At(obx, 11)))],
        };
    }

    /// <summary>A coded element's text (its second component), else its code.</summary>
    private static string Named(string field, Hl7Delimiters delimiters)
    {
        var parts = field.Split(delimiters.Component);
        return Hl7Escaping.Unescape(parts.Length > 1 && parts[1].Length > 0 ? parts[1] : parts[0], delimiters);
    }

    private static string? Optional(string field, Hl7Delimiters delimiters) => field.Length > 0 ? Hl7Escaping.Unescape(field, delimiters) : null;

    /// <summary>
    /// What the DFT^P03s among <paramref name="payloads"/> (oldest first) charged and have not credited:
    /// each charge stands until a credit of the same code, date of service and units follows it.
    /// </summary>
    public static IReadOnlyList<ChargeLine> Charged(IEnumerable<string> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var charged = new List<ChargeLine>();
        foreach (var posting in payloads.Where(p => p.Length > 0).Select(p => Read(p).Posting).OfType<ChargePosting>())
        {
            if (!posting.Credit)
            {
                charged.Add(posting.Line);
                continue;
            }

            var index = charged.FindIndex(posting.Line.SameCharge);
            if (index >= 0)
            {
                charged.RemoveAt(index);
            }
        }

        return charged;
    }

    private static string At(string[] segment, int index) => index < segment.Length ? segment[index] : string.Empty;
}
