using Hl7.Fhir.Model;
using InfusionSuite.Application.Courses;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Outcomes;

/// <summary>
/// An outcome assessment as a transaction Bundle of Observations (docs/fhir-mapping.md, "Course outcomes"):
/// one per finding, each performed by the assessing nurse — the Dean score (valueInteger 0–4), the CTCAE alopecia grade (valueInteger 0–2) and
/// "stopped scalp cooling" (valueBoolean, the reason as a note) — each a conditional create on its
/// identifier (<c>{assessment id}/{finding}</c> in the session identifier system), so a resend creates
/// nothing twice. Codes are InfusionSuite's local ones: neither scale has a LOINC or SNOMED CT code we know of.
/// Pure: the same input gives the identical Bundle.
/// </summary>
internal sealed class CourseOutcomeBundle(FhirMappingOptions options)
{
    public const string DeanCode = "dean-hair-loss-score";
    public const string CtcaeCode = "ctcae-alopecia-grade";
    public const string StoppedCode = "scalp-cooling-stopped";

    /// <param name="practitionerId">The Practitioner in the assessing nurse's profile (a reference or an NPI); null: a logical reference by user id.</param>
    public Bundle Map(CourseOutcomeContext course, OutcomeAssessment assessment, string? practitionerId = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(assessment);
        var patient = EhrReference.Parse(course.PatientReference, "Patient", options.PatientIdentifierSystem, "Patient").ToFhir();
        var encounter = course.LastSession?.Plan.EncounterReference is { Length: > 0 } visit
            ? EhrReference.Parse(visit, "Encounter", options.EncounterIdentifierSystem, "Encounter").ToFhir()
            : null;
        var performer = (practitionerId is { Length: > 0 } id
            ? EhrReference.Parse(id, "Practitioner", Outbox.SessionFhirContextReader.NpiSystem, "Practitioner")
            : EhrReference.ByIdentifier("Practitioner", options.PractitionerIdentifierSystem, assessment.AssessedBy)).ToFhir();
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        void Add(string finding, string display, DataType value, string? note)
        {
            var identifier = new Identifier(options.SessionIdentifierSystem, assessment.AssessmentId + "/" + finding);
            var observation = new Observation
            {
                Meta = new Meta { Profile = [UsCoreProfiles.SimpleObservation] },
                Identifier = [identifier],
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept { Coding = [new Coding(FhirCodes.ObservationCategory, "exam", "Exam")] }],
                Code = new CodeableConcept { Coding = [new Coding(options.LocalCodeSystem, finding, display)], Text = display },
                Subject = patient,
                Encounter = encounter,
                Effective = new FhirDateTime(assessment.AssessedAt),
                Issued = assessment.DocumentedAt,
                Performer = [performer],
                Value = value,
                Note = note is null ? [] : [new Annotation { Text = new Markdown(note) }],
            };
            var fullUrl = DeterministicUuid.Urn("course:" + course.CourseId, assessment.AssessmentId + "/" + finding);
            bundle.Entry.Add(BundleEntries.Create(fullUrl, observation, identifier));
        }

        if (assessment.Dean is { } dean)
        {
            Add(DeanCode, "Dean scale of hair loss (0 none – 4 more than 75 %)", new Integer(dean), null);
        }

        if (assessment.CtcaeAlopeciaGrade is { } grade)
        {
            Add(CtcaeCode, "CTCAE alopecia grade", new Integer(grade), null);
        }

        if (assessment.StoppedCooling)
        {
            Add(StoppedCode, "Patient stopped scalp cooling", new FhirBoolean(true), assessment.StoppedCoolingReason);
        }

        return bundle;
    }
}
