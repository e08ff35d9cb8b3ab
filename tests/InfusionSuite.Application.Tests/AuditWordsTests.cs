using InfusionSuite.Application.Ingest;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Tests;

/// <summary>The audit's "what changed" is in a nurse's words, never an enum's name ("wrong patient", not WrongPatient).</summary>
public sealed class AuditWordsTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void VoidForTheWrongPatient_SaysWrongPatientInWords()
    {
        var words = NurseChange.Describe(new VoidSession(s_at, "nurse-1", VoidReason.WrongPatient), SessionStatus.Infusing, SessionStatus.Voided);

        Assert.Equal("voided: wrong patient; status infusing → voided", words);
    }

    [Theory]
    [InlineData(AbortReason.PatientRequest, "aborted: patient request; status post cooling → aborted")]
    [InlineData(AbortReason.Headache, "aborted: headache; status post cooling → aborted")]
    public void Abort_SaysTheReasonInWords(AbortReason reason, string expected) =>
        Assert.Equal(expected, NurseChange.Describe(new AbortSession(s_at, "nurse-1", reason), SessionStatus.PostCooling, SessionStatus.Aborted));

    [Fact]
    public void CapRemoved_SaysTheStepInWords() =>
        Assert.Equal("cap removed; status warming up → completed", NurseChange.Describe(new RemoveCap(s_at, "nurse-1"), SessionStatus.WarmingUp, SessionStatus.Completed));
}
