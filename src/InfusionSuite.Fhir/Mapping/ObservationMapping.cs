using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping.Observations;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// The Observations of a session that placed a cap: one per cooling phase, the interruptions,
/// and the scalp and coolant temperature summaries; each part of the 0663T Procedure.
/// </summary>
internal static class ObservationMapping
{
    public static IEnumerable<(string Key, Observation Observation)> All(BundleScope scope, ResourceReference placement)
    {
        var record = scope.Record;
        if (record.PerformedPeriod is not { } performed)
        {
            yield break;
        }

        foreach (var phase in record.Phases)
        {
            if (PhaseObservation.For(scope, phase) is { } observation)
            {
                yield return ("observation/" + PhaseObservation.Key(phase.Phase), Complete(scope, observation, placement));
            }
        }

        yield return ("observation/interruptions", Complete(scope, InterruptionObservation.For(scope, record.Interruptions, performed), placement));
        yield return ("observation/coolant-temperature", Complete(scope, TemperatureObservation.Coolant(scope, record.Temperatures, performed), placement));
        yield return ("observation/scalp-temperature", Complete(scope, TemperatureObservation.Scalp(scope, record.Temperatures, performed), placement));
    }

    private static Observation Complete(BundleScope scope, Observation observation, ResourceReference placement)
    {
        observation.Meta = new Meta { Profile = [UsCoreProfiles.SimpleObservation] };
        observation.Status = scope.Voided ? ObservationStatus.EnteredInError : ObservationStatus.Final;
        observation.Category = [new CodeableConcept { Coding = [new Coding(FhirCodes.ObservationCategory, "procedure", "Procedure")] }];
        observation.Subject = scope.Patient();
        observation.Encounter = scope.Encounter();
        observation.Device = scope.Device();
        observation.PartOf = [placement];
        return observation;
    }
}
