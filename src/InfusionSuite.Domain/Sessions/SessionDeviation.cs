using System.Globalization;

namespace InfusionSuite.Domain.Sessions;

/// <summary>One deviation, with its exact duration and a detail line for staff (no patient data).</summary>
public sealed record SessionDeviation(DeviationCode Code, TimeSpan Duration, string Detail)
{
    /// <summary>Whole minutes as shown to nurses and sent (<see cref="WholeMinutes"/>: a minute begun counts).</summary>
    public int Minutes => ShownMinutes ?? WholeMinutes.Of(Duration);

    /// <summary>
    /// For a shortfall (SHORT_PRECOOL, SHORT_POSTCOOL): the target's minutes less the phase's, both as shown, so the
    /// deviation's minutes always match its detail ("29 of 30 min": 1 min; 9 min 29 s short of 30 is "21 of 30": 9 min).
    /// </summary>
    public int? ShownMinutes { get; init; }

    /// <summary>In words for notes and pages, e.g. "Short pre-cooling" (not the table's name).</summary>
    public string Words => Code switch
    {
        DeviationCode.ShortPrecool => "Short pre-cooling",
        DeviationCode.PrecoolNotAtTemperature => "Pre-cooling not at temperature",
        DeviationCode.Interrupted => "Cooling interrupted",
        DeviationCode.ShortPostcool => "Short post-cooling",
        DeviationCode.Aborted => "Stopped early",
        DeviationCode.Overcool => "Overcooling alarm",
        DeviationCode.DeviceFault => "Device fault",
        _ => Name,
    };

    /// <summary>The table's name, e.g. <c>SHORT_PRECOOL</c>.</summary>
    public string Name => Code switch
    {
        DeviationCode.ShortPrecool => "SHORT_PRECOOL",
        DeviationCode.PrecoolNotAtTemperature => "PRECOOL_NOT_AT_TEMPERATURE",
        DeviationCode.Interrupted => "INTERRUPTED",
        DeviationCode.ShortPostcool => "SHORT_POSTCOOL",
        DeviationCode.Aborted => "ABORTED",
        DeviationCode.Overcool => "OVERCOOL",
        DeviationCode.DeviceFault => "DEVICE_FAULT",
        _ => "UNKNOWN_" + ((int)Code).ToString(CultureInfo.InvariantCulture),
    };
}
