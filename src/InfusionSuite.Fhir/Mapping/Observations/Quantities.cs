using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Mapping.Observations;

/// <summary>UCUM quantities: durations in minutes (from exact instants, two decimals) and temperatures in °C.</summary>
internal static class Quantities
{
    public static Quantity Minutes(TimeSpan span) => new()
    {
        Value = decimal.Round((decimal)span.TotalMinutes, 2, MidpointRounding.ToZero),
        Unit = "min",
        System = FhirCodes.Ucum,
        Code = "min",
    };

    public static Quantity Celsius(decimal celsius) => new()
    {
        Value = decimal.Round(celsius, 2, MidpointRounding.AwayFromZero),
        Unit = "Cel",
        System = FhirCodes.Ucum,
        Code = "Cel",
    };
}
