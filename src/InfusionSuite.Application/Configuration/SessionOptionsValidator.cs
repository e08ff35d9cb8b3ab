using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Configuration;

/// <summary>A bad session setting stops the host at start, naming the setting (<c>Sessions:…</c>).</summary>
internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var failures = new List<string>();
        if (options.SetpointToleranceC is { } c && (c < 0 || c > 10 || decimal.Round(c, 1) != c))
        {
            failures.Add($"{SessionOptions.SectionName}:{nameof(SessionOptions.SetpointToleranceC)} must be 0.0–10.0 °C with one decimal.");
        }

        foreach (var (model, setpoint) in options.ModelSetpointsC)
        {
            if (setpoint < -10 || setpoint > 40 || decimal.Round(setpoint, 1) != setpoint)
            {
                failures.Add($"{SessionOptions.SectionName}:{nameof(SessionOptions.ModelSetpointsC)}:{model} must be -10.0–40.0 °C with one decimal (CCP/1's coolant range).");
            }
        }

        for (var i = 0; i < options.Presets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Presets[i].Name))
            {
                failures.Add($"{SessionOptions.SectionName}:{nameof(SessionOptions.Presets)}:{i}:Name is required.");
            }
        }

        if (failures.Count == 0)
        {
            failures.AddRange(options.ToPolicy().Problems().Select(p => $"{SessionOptions.SectionName}: {p}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
