using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>Issue 13: the note on the Procedure shows words, not enum names ("wrong patient", not WrongPatient; "Short pre-cooling", not SHORT_PRECOOL).</summary>
public sealed class NoteWordsTests
{
    private readonly SessionBundleMapper _mapper = new(new FhirMappingOptions());

    [Fact]
    public void VoidedForTheWrongPatient_NoteSaysWrongPatientInWords()
    {
        var note = NoteOf(SimulatedSessions.Voided("s-w1"));

        Assert.Contains("Entered in error: wrong patient.", note, StringComparison.Ordinal);
        Assert.DoesNotContain("WrongPatient", note, StringComparison.Ordinal);
    }

    [Fact]
    public void AbortedForAHeadache_NoteAndDeviationDetailInWords()
    {
        var note = NoteOf(SimulatedSessions.Aborted("s-w2"));

        // The stop's deviation carries its reason, said once (not "Stopped early: Stopped early (headache)").
        Assert.Contains("Stopped early (headache) after", note, StringComparison.Ordinal);
        Assert.DoesNotContain("Stopped early: Stopped", note, StringComparison.Ordinal);
        Assert.Contains("Adverse events: headache.", note, StringComparison.Ordinal);
        Assert.DoesNotContain("ABORTED", note, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherAdverseEvent_NoteCarriesTheNursesWords()
    {
        var note = NoteOf(SimulatedSessions.WithOtherAdverseEvent("s-w4", "rash on the neck"));

        Assert.Contains("Adverse events: other: rash on the neck, scalp pain.", note, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortPrecool_NoteSaysShortPreCooling()
    {
        var note = NoteOf(SimulatedSessions.ShortPrecool("s-w3"));

        Assert.Contains("Short pre-cooling: Pre-cooled 18 of 30 min", note, StringComparison.Ordinal);
        Assert.DoesNotContain("SHORT_PRECOOL", note, StringComparison.Ordinal);
    }

    private string NoteOf(ScalpCoolingSessionRecord record) =>
        _mapper.Map(record, SimulatedSessions.Context(record)).Entry.Select(e => e.Resource).OfType<Procedure>().First().Note[0].Text;
}
