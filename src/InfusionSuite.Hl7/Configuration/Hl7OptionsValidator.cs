using System.Text.RegularExpressions;
using InfusionSuite.Hl7.Encoding;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7.Configuration;

/// <summary>Refuses a bad <c>Hl7</c> setting at start, naming it.</summary>
public sealed partial class Hl7OptionsValidator : IValidateOptions<Hl7Options>
{
    public ValidateOptionsResult Validate(string? name, Hl7Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!VersionPattern().IsMatch(options.Version))
        {
            errors.Add($"Hl7:Version must be an HL7 v2 version such as 2.5.1 (was '{options.Version}').");
        }

        if (options.FieldSeparator is not { Length: 1 } || Hl7Delimiters.TryCreate(options.FieldSeparator[0], options.EncodingCharacters) is null)
        {
            errors.Add("Hl7:FieldSeparator and Hl7:EncodingCharacters must be one and four distinct punctuation characters (default | and ^~\\&).");
        }

        if (options.ProcessingId is not ("P" or "T" or "D"))
        {
            errors.Add("Hl7:ProcessingId must be P, T or D.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.AckTimeout <= TimeSpan.Zero)
        {
            errors.Add("Hl7:ConnectTimeout and Hl7:AckTimeout must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            errors.Add("Hl7:PollInterval and Hl7:RetryDelay must be positive, and Hl7:MaxRetryDelay at least Hl7:RetryDelay.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add("Hl7:BatchSize must be between 1 and 1000.");
        }

        foreach (var (key, code) in options.ObservationCodes)
        {
            if (!ObservationKeys.Defaults.ContainsKey(key))
            {
                errors.Add($"Hl7:ObservationCodes:{key} is not a value InfusionSuite sends (known: {string.Join(", ", ObservationKeys.Defaults.Keys)}).");
            }
            else if (string.IsNullOrWhiteSpace(code.Code) || string.IsNullOrWhiteSpace(code.CodingSystem))
            {
                errors.Add($"Hl7:ObservationCodes:{key} needs a Code and a CodingSystem.");
            }
        }

        if (options.Enabled)
        {
            RequireWhenEnabled(options, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireWhenEnabled(Hl7Options options, List<string> errors)
    {
        foreach (var (setting, value) in new[]
        {
            ("SendingApplication", options.SendingApplication),
            ("SendingFacility", options.SendingFacility),
            ("ReceivingApplication", options.ReceivingApplication),
            ("ReceivingFacility", options.ReceivingFacility),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"Hl7:{setting} is required when Hl7:Enabled is true.");
            }
        }

        if (options.Transport == Hl7TransportMode.Mllp && (string.IsNullOrWhiteSpace(options.Host) || options.Port is < 1 or > 65535))
        {
            errors.Add("Hl7:Host and Hl7:Port (1-65535) are required when Hl7:Transport is Mllp.");
        }

        if (options.Transport == Hl7TransportMode.File && string.IsNullOrWhiteSpace(options.Folder))
        {
            errors.Add("Hl7:Folder is required when Hl7:Transport is File.");
        }
    }

    [GeneratedRegex(@"^2\.[1-9](\.[1-9])?$")]
    private static partial Regex VersionPattern();
}
