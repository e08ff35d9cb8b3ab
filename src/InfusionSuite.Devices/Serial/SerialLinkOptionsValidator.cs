using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Serial;

/// <summary>Checks each configured port and the settings that span fields.</summary>
internal sealed class SerialLinkOptionsValidator : IValidateOptions<SerialLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, SerialLinkOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Ports.Count; i++)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options.Ports[i], new ValidationContext(options.Ports[i]), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{SerialLinkOptions.SectionName}:Ports:{i}: {r.ErrorMessage}"));
            }
        }

        var repeated = options.Ports.GroupBy(p => p.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(repeated.Select(path => $"{SerialLinkOptions.SectionName}:Ports: '{path}' is configured twice."));

        if (options.ReopenDelayMax < options.ReopenDelayMin)
        {
            failures.Add($"{SerialLinkOptions.SectionName}:ReopenDelayMax must not be shorter than ReopenDelayMin.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
