using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping.Observations;

/// <summary>Pre-cooling, infusion or post-cooling: minutes, the phase as effective period, target and interruptions as components.</summary>
internal static class PhaseObservation
{
    public static string Key(SessionPhase phase) => phase.Words().Replace(' ', '-');

    public static Observation? For(BundleScope scope, PhaseSummary phase)
    {
        var (code, display) = phase.Phase switch
        {
            SessionPhase.PreCooling => (FhirCodes.Local.PreCoolingDuration, "Scalp cooling pre-cooling duration"),
            SessionPhase.Infusion => (FhirCodes.Local.InfusionDuration, "Scalp cooling infusion phase duration"),
            SessionPhase.PostCooling => (FhirCodes.Local.PostCoolingDuration, "Scalp cooling post-cooling duration"),
            _ => (null, null),
        };
        if (code is null || display is null || phase.End is not { } end)
        {
            return null;
        }

        var observation = new Observation
        {
            Identifier = [scope.SessionIdentifier("observation/" + Key(phase.Phase))],
            Code = scope.LocalConcept(code, display),
            Effective = BundleScope.Period(phase.Start, end),
            Value = Quantities.Minutes(phase.Cooled ?? (end - phase.Start)), // pre-cooling counts minutes actually cooling (clinical-rules.md), as the note and the deviation do
        };
        if (phase.Target is { } target)
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = scope.LocalConcept(FhirCodes.Local.TargetDuration, "Target duration"),
                Value = Quantities.Minutes(target),
            });
        }

        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = scope.LocalConcept(FhirCodes.Local.InterruptionDuration, "Cooling interrupted within the phase"),
            Value = Quantities.Minutes(phase.Interruptions.Total),
        });
        return observation;
    }
}
