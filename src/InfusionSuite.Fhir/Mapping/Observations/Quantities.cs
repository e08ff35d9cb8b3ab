using Hl7.Fhir.Model;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping.Observations;

/// <summary>UCUM quantities: durations in minutes (from exact instants, two decimals) and temperatures in °C at their precision (issue 13).</summary>
internal static class Quantities
{
    public static Quantity Minutes(TimeSpan span) => new()
    {
        Value = WholeMinutes.Hundredths(span),
        Unit = "min",
        System = FhirCodes.Ucum,
        Code = "min",
    };

    /// <summary>A temperature the device sent, at the device's precision: one decimal, kept (−4.0 °C is <c>-4.0</c>, not <c>-4</c>).</summary>
    public static Quantity Celsius(Temperature temperature) => Celsius(temperature.Tenths * 0.1m);

    /// <summary>A mean of device temperatures, at a stated precision of two decimals (<c>-4.00</c>).</summary>
    public static Quantity MeanCelsius(decimal mean) => Celsius(decimal.Round(mean, 2, MidpointRounding.AwayFromZero) + 0.00m);

    private static Quantity Celsius(decimal celsius) => new()
    {
        Value = celsius,
        Unit = "Cel",
        System = FhirCodes.Ucum,
        Code = "Cel",
    };
}
