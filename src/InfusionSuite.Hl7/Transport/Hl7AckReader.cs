using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Transport;

/// <summary>
/// Reads the acknowledgement of one message: MSA-1 the code, MSA-2 the control id (it must be the
/// one sent), MSA-3 and each ERR segment's user message (ERR-8) or error text (ERR-3.2) as the
/// receiver's text. Not a general parser: only MSH-1/MSH-2, MSA and ERR are read.
/// </summary>
public static class Hl7AckReader
{
    public static Hl7Acknowledgement Read(string acknowledgement, string expectedControlId)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        if (acknowledgement.Length < 8 || !acknowledgement.StartsWith("MSH", StringComparison.Ordinal)
            || Hl7Delimiters.TryCreate(acknowledgement[3], acknowledgement[4..8]) is not { } delimiters)
        {
            throw new Hl7DeliveryException("The receiver's answer is not an HL7 message (no MSH header).");
        }

        var segments = acknowledgement.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split(delimiters.Field))
            .ToList();
        var msa = segments.Find(s => s[0] == "MSA")
            ?? throw new Hl7DeliveryException("The receiver's answer has no MSA segment.");
        var code = At(msa, 1);
        var controlId = At(msa, 2);
        if (code is not ("AA" or "AE" or "AR" or "CA" or "CE" or "CR"))
        {
            throw new Hl7DeliveryException($"The receiver's MSA-1 '{code}' is not an acknowledgement code.");
        }

        if (!string.Equals(controlId, expectedControlId, StringComparison.Ordinal))
        {
            throw new Hl7DeliveryException($"The receiver acknowledged control id '{controlId}', not '{expectedControlId}'.");
        }

        var texts = new List<string> { Text(At(msa, 3), delimiters) };
        foreach (var err in segments.Where(s => s[0] == "ERR"))
        {
            var userMessage = Text(At(err, 8), delimiters);
            texts.Add(userMessage.Length > 0 ? userMessage : Text(Component(At(err, 3), delimiters, 1), delimiters));
        }

        var text = string.Join("; ", texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
        return new Hl7Acknowledgement(code, controlId, text.Length == 0 ? null : text);
    }

    private static string At(string[] segment, int index) => index < segment.Length ? segment[index] : string.Empty;

    private static string Component(string field, Hl7Delimiters delimiters, int index)
    {
        var components = field.Split(delimiters.Repetition)[0].Split(delimiters.Component);
        return index < components.Length ? components[index] : string.Empty;
    }

    private static string Text(string value, Hl7Delimiters delimiters) => Hl7Escaping.Unescape(value, delimiters).Trim();
}
