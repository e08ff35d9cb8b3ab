using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping.Observations;

/// <summary>Cooling not running over pre-cooling, infusion and post-cooling: total minutes, count, longest.</summary>
internal static class InterruptionObservation
{
    public static Observation For(BundleScope scope, InterruptionSummary interruptions, TimeInterval performed) => new()
    {
        Identifier = [scope.SessionIdentifier("observation/interruptions")],
        Code = scope.LocalConcept(FhirCodes.Local.Interruptions, "Scalp cooling interruptions"),
        Effective = BundleScope.Period(performed.Start, performed.End),
        Value = Quantities.Minutes(interruptions.Total),
        Component =
        [
            new Observation.ComponentComponent
            {
                Code = scope.LocalConcept(FhirCodes.Local.InterruptionCount, "Number of interruptions"),
                Value = new Integer(interruptions.Count),
            },
            new Observation.ComponentComponent
            {
                Code = scope.LocalConcept(FhirCodes.Local.LongestInterruption, "Longest interruption"),
                Value = Quantities.Minutes(interruptions.Longest),
            },
        ],
    };
}
