using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>What every resource of one session's Bundle shares: references, identifiers, status.</summary>
internal sealed class BundleScope(ScalpCoolingSessionRecord record, SessionFhirContext context, FhirMappingOptions options)
{
    public ScalpCoolingSessionRecord Record { get; } = record;

    public SessionFhirContext Context { get; } = context;

    public FhirMappingOptions Options { get; } = options;

    public string SessionId => Record.Plan.SessionId;

    public bool Voided => Record.Status == SessionStatus.Voided;

    public string DeviceUrn => DeterministicUuid.Urn(SessionId, "device");

    public string ProcedureUrn(string cptCode) => DeterministicUuid.Urn(SessionId, "procedure/" + cptCode);

    public ResourceReference Patient() => Context.Patient.ToFhir();

    public ResourceReference? Encounter() => Context.Encounter?.ToFhir();

    public ResourceReference Device() => new(DeviceUrn);

    public ResourceReference Administration() => (Context.Administration ?? EhrReference.Parse(
        Record.Plan.Administration.Reference, "MedicationAdministration", Options.AdministrationIdentifierSystem,
        "MedicationAdministration", "Procedure")).ToFhir();

    public ResourceReference Practitioner(string nurseId) =>
        (Context.Practitioners.TryGetValue(nurseId, out var known)
            ? known
            : EhrReference.ByIdentifier("Practitioner", Options.PractitionerIdentifierSystem, nurseId)).ToFhir();

    public Identifier SessionIdentifier(string suffix) => new(Options.SessionIdentifierSystem, $"{SessionId}/{suffix}");

    public Coding Local(string code, string display) => new(Options.LocalCodeSystem, code, display);

    public CodeableConcept LocalConcept(string code, string display) => new() { Coding = [Local(code, display)], Text = display };

    /// <summary>
    /// An instant to the whole second, as HL7 v2's TS and the EHR's flowsheets carry it: milliseconds say nothing clinical, and a
    /// controller's CAP_OFF landing milliseconds from the nurse's "cap removed" must not send the EHR a correction (issue 18's trial).
    /// </summary>
    public static FhirDateTime Instant(DateTimeOffset instant) => new(WholeSecond(instant));

    /// <summary>The instant to the whole second (<see cref="Instant"/>'s rule), for elements typed <c>instant</c> (Observation.issued).</summary>
    public static DateTimeOffset WholeSecond(DateTimeOffset instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);

    public static Period Period(DateTimeOffset start, DateTimeOffset end) => new(Instant(start), Instant(end));
}
