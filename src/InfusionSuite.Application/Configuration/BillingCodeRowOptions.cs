using System.Globalization;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Configuration;

/// <summary>One row of a code set in settings (<c>Billing:CodeRows:N</c>, <c>Billing:Payers:N:CodeRows:N</c>); text as typed, checked at start.</summary>
public sealed class BillingCodeRowOptions
{
    /// <summary>The CPT/HCPCS code, e.g. <c>97008</c>.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>What the code reports, as the charge shows it.</summary>
    public string Display { get; set; } = string.Empty;

    /// <summary>First date of service the row is in force (<c>yyyy-MM-dd</c>); empty for open.</summary>
    public string? InForceFrom { get; set; }

    /// <summary>Last date of service the row is in force (<c>yyyy-MM-dd</c>, inclusive); empty for open.</summary>
    public string? InForceTo { get; set; }

    /// <summary>What a unit reports: <c>course</c>, <c>session</c> or <c>time</c>.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>Minutes per unit, for a <c>time</c> row (e.g. 30).</summary>
    public int? UnitMinutes { get; set; }

    /// <summary>What the code is reported with: <c>none</c>, <c>chemotherapy-primary</c> or <c>session-code</c> (an add-on to the session's own code).</summary>
    public string Pairing { get; set; } = "none";

    /// <summary>Billable units per patient and date of service; empty for no limit.</summary>
    public int? PerDateLimit { get; set; }

    /// <summary>Where the row comes from (shown to the billing office).</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The row as the domain takes it, or why it cannot be.</summary>
    public (BillingCodeRow? Row, string? Problem) ToRow()
    {
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(InForceFrom))
        {
            if (!DateOnly.TryParseExact(InForceFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
            {
                return (null, $"InForceFrom '{InForceFrom}' is not a date (yyyy-MM-dd)");
            }

            from = f;
        }

        if (!string.IsNullOrWhiteSpace(InForceTo))
        {
            if (!DateOnly.TryParseExact(InForceTo.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return (null, $"InForceTo '{InForceTo}' is not a date (yyyy-MM-dd)");
            }

            to = t;
        }

        BillingCodeScope? scope = Scope?.Trim().ToLowerInvariant() switch
        {
            "course" => BillingCodeScope.Course,
            "session" => BillingCodeScope.Session,
            "time" => BillingCodeScope.Time,
            _ => null,
        };
        if (scope is null)
        {
            return (null, $"unknown scope '{Scope}' (course, session or time)");
        }

        BillingPairing? pairing = (Pairing ?? "none").Trim().ToLowerInvariant() switch
        {
            "" or "none" => BillingPairing.None,
            "chemotherapy-primary" => BillingPairing.ChemotherapyPrimary,
            "session-code" => BillingPairing.SessionCode,
            _ => null,
        };
        if (pairing is null)
        {
            return (null, $"unknown pairing '{Pairing}' (none, chemotherapy-primary or session-code)");
        }

        return string.IsNullOrWhiteSpace(Code)
            ? (null, "the code is empty")
            : (new BillingCodeRow(Code.Trim(), Display.Trim(), from, to, scope.Value, UnitMinutes, pairing.Value, PerDateLimit, Source.Trim()), null);
    }
}
