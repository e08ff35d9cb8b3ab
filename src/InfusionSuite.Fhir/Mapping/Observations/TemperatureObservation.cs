using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping.Observations;

/// <summary>
/// Min / mean / max (°C), and for the coolant the minutes at its setpoint, stated over the period they were taken from
/// (<see cref="CoolingTemperatures.Period"/>: to the abort for an aborted session, not to the CAP_OFF after it).
/// </summary>
internal static class TemperatureObservation
{
    public static Observation Coolant(BundleScope scope, CoolingTemperatures temperatures, TimeInterval performed)
    {
        var observation = Summary(scope, "coolant-temperature", FhirCodes.Local.CoolantTemperature, "Scalp cooling coolant temperature summary", temperatures.Coolant, temperatures, performed);
        if (temperatures.Setpoint is not null)
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = scope.LocalConcept(FhirCodes.Local.MinutesAtTarget, "Time with the coolant at its setpoint"),
                Value = Quantities.Minutes(temperatures.CoolantAtSetpointTime),
            });
        }

        return observation;
    }

    public static Observation Scalp(BundleScope scope, CoolingTemperatures temperatures, TimeInterval performed) =>
        Summary(scope, "scalp-temperature", FhirCodes.Local.ScalpTemperature, "Scalp cooling scalp temperature summary", temperatures.Scalp, temperatures, performed);

    private static Observation Summary(BundleScope scope, string key, string code, string display, TemperatureSummary summary, CoolingTemperatures temperatures, TimeInterval performed)
    {
        var taken = temperatures.Period ?? performed;
        var observation = new Observation
        {
            Identifier = [scope.SessionIdentifier("observation/" + key)],
            Code = scope.LocalConcept(code, display),
            Effective = BundleScope.Period(taken.Start, taken.End),
        };
        if (summary is { Min: { } min, Max: { } max, Mean: { } mean })
        {
            observation.Component.Add(Component(scope, FhirCodes.Local.Minimum, "Minimum", Quantities.Celsius(min)));
            observation.Component.Add(Component(scope, FhirCodes.Local.Mean, "Mean", Quantities.MeanCelsius(mean)));
            observation.Component.Add(Component(scope, FhirCodes.Local.Maximum, "Maximum", Quantities.Celsius(max)));
        }
        else
        {
            observation.DataAbsentReason = new CodeableConcept { Coding = [new Coding(FhirCodes.DataAbsentReason, "unknown", "Unknown")], Text = "No readings from the controller." };
        }

        return observation;
    }

    private static Observation.ComponentComponent Component(BundleScope scope, string code, string display, Quantity value) => new()
    {
        Code = scope.LocalConcept(code, display),
        Value = value,
    };
}
