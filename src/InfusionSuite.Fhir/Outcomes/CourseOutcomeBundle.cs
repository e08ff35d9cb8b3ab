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
/// nothing twice; a correction or an "entered in error" updates them (<see cref="MapChange"/>). Codes are
/// InfusionSuite's local ones: neither scale has a LOINC or SNOMED CT code we know of.
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
        ArgumentNullException.ThrowIfNull(assessment);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var observations = new Observations(options, course, assessment, practitionerId);
        foreach (var finding in Findings(assessment))
        {
            var (identifier, observation) = observations.Make(finding, ObservationStatus.Final, null);
            bundle.Entry.Add(BundleEntries.Create(observations.FullUrl(finding.Code), observation, identifier));
        }

        return bundle;
    }

    /// <summary>
    /// A correction or an "entered in error" as a transaction Bundle of updates of the Observations sent before (same
    /// identifiers): a finding still there is <c>corrected</c> with its new value, a new one <c>final</c>, one no longer
    /// stated (or every one, when entered in error) <c>entered-in-error</c> with the value sent; each carries the reason
    /// in a note. Delivered as conditional updates (transaction) or as updates by the id the EHR gave (one at a time).
    /// </summary>
    public Bundle MapChange(CourseOutcomeContext course, OutcomeAssessment before, AssessmentChange change, OutcomeAssessment? after, string? practitionerId = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(change);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var was = Findings(before).ToDictionary(f => f.Code, StringComparer.Ordinal);
        var now = after is null ? [] : Findings(after).ToList();
        var note = AssessmentChangeNote.For(change);
        void Add(Observations observations, Finding finding, ObservationStatus status)
        {
            var (identifier, observation) = observations.Make(finding, status, note);
            observation.Issued = BundleScope.WholeSecond(change.ChangedAt);
            bundle.Entry.Add(BundleEntries.Update(observations.FullUrl(finding.Code), observation, identifier));
        }

        if (after is not null)
        {
            var current = new Observations(options, course, after, practitionerId);
            foreach (var finding in now)
            {
                Add(current, finding, was.ContainsKey(finding.Code) ? ObservationStatus.Corrected : ObservationStatus.Final);
            }
        }

        var withdrawn = new Observations(options, course, before, practitionerId);
        foreach (var finding in was.Values.Where(f => now.All(n => n.Code != f.Code)))
        {
            Add(withdrawn, finding, ObservationStatus.EnteredInError);
        }

        return bundle;
    }

    private static IEnumerable<Finding> Findings(OutcomeAssessment assessment)
    {
        if (assessment.Dean is { } dean)
        {
            yield return new Finding(DeanCode, "Dean scale of hair loss (0 none – 4 more than 75 %)", new Integer(dean), null);
        }

        if (assessment.CtcaeAlopeciaGrade is { } grade)
        {
            yield return new Finding(CtcaeCode, "CTCAE alopecia grade", new Integer(grade), null);
        }

        if (assessment.StoppedCooling)
        {
            yield return new Finding(StoppedCode, "Patient stopped scalp cooling", new FhirBoolean(true), assessment.StoppedCoolingReason);
        }
    }

    private sealed record Finding(string Code, string Display, DataType Value, string? Note);

    /// <summary>The Observations of one assessment: its patient, visit and performer resolved once.</summary>
    private sealed class Observations
    {
        private readonly FhirMappingOptions _options;
        private readonly CourseOutcomeContext _course;
        private readonly OutcomeAssessment _assessment;
        private readonly ResourceReference _patient;
        private readonly ResourceReference? _encounter;
        private readonly ResourceReference _performer;

        public Observations(FhirMappingOptions options, CourseOutcomeContext course, OutcomeAssessment assessment, string? practitionerId)
        {
            ArgumentNullException.ThrowIfNull(course);
            _options = options;
            _course = course;
            _assessment = assessment;
            // The EHR id the course's sessions kept beside the MRN, else the MRN as a logical reference.
            _patient = EhrReference.Parse(
                course.LastSession?.Plan.PatientEhrReference ?? course.PatientReference, "Patient", options.PatientIdentifierSystem, "Patient").ToFhir();
            _encounter = course.LastSession?.Plan.EncounterReference is { Length: > 0 } visit
                ? EhrReference.Parse(visit, "Encounter", options.EncounterIdentifierSystem, "Encounter").ToFhir()
                : null;
            _performer = (practitionerId is { Length: > 0 } id
                ? EhrReference.Parse(id, "Practitioner", Outbox.SessionFhirContextReader.NpiSystem, "Practitioner")
                : EhrReference.ByIdentifier("Practitioner", options.PractitionerIdentifierSystem, assessment.AssessedBy)).ToFhir();
        }

        public string FullUrl(string code) => DeterministicUuid.Urn("course:" + _course.CourseId, _assessment.AssessmentId + "/" + code);

        public (Identifier Identifier, Observation Observation) Make(Finding finding, ObservationStatus status, string? reason)
        {
            var identifier = new Identifier(_options.SessionIdentifierSystem, _assessment.AssessmentId + "/" + finding.Code);
            var notes = new[] { finding.Note, reason }.OfType<string>().Select(text => new Annotation { Text = new Markdown(text) }).ToList();
            var observation = new Observation
            {
                Meta = new Meta { Profile = [UsCoreProfiles.SimpleObservation] },
                Identifier = [identifier],
                Status = status,
                Category = [new CodeableConcept { Coding = [new Coding(FhirCodes.ObservationCategory, "exam", "Exam")] }],
                Code = new CodeableConcept { Coding = [new Coding(_options.LocalCodeSystem, finding.Code, finding.Display)], Text = finding.Display },
                Subject = _patient,
                Encounter = _encounter,
                Effective = BundleScope.Instant(_assessment.AssessedAt),
                Issued = BundleScope.WholeSecond(_assessment.DocumentedAt),
                Performer = [_performer],
                Value = finding.Value,
                Note = notes,
            };
            return (identifier, observation);
        }
    }
}
