using InfusionSuite.Domain.Courses;
using static InfusionSuite.Domain.Tests.CourseSessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>A corrected assessment counts as corrected; one entered in error does not count at all (issue 17).</summary>
public sealed class AssessmentChangeTests
{
    [Fact]
    public void CorrectedFollowUpDean_DecidesTheResult_EnteredInError_LeavesTheFollowUpDueAgain()
    {
        var course = Course("Standard", Completed("c1", "s1", 0));
        var followUp = Dean(30, 3);
        var notSuccess = CourseSummary.Create(course, [], [followUp], CoursePolicy.Default, Day(31));
        var fix = Change("fix-1", followUp, AssessmentChangeKind.Corrected, dean: 2);
        var withdrawal = Change("fix-2", followUp, AssessmentChangeKind.EnteredInError);

        var corrected = AssessmentChange.Apply([followUp], [fix]);
        var withdrawn = AssessmentChange.Apply([followUp], [fix, withdrawal]);

        Assert.Equal(CourseResult.NotSuccess, notSuccess.Result);
        Assert.Equal(CourseResult.Success, CourseSummary.Create(course, [], corrected, CoursePolicy.Default, Day(31)).Result);
        Assert.Equal(fix, Assert.Single(corrected).LatestChange);
        Assert.Empty(withdrawn);
        Assert.Equal(CourseResult.FollowUpDue, CourseSummary.Create(course, [], withdrawn, CoursePolicy.Default, Day(31)).Result);
        var shown = Assert.Single(AssessmentChange.EnteredInError([followUp], [fix, withdrawal]));
        Assert.Equal((2, withdrawal), (shown.Dean, shown.LatestChange));
    }

    [Fact]
    public void Correction_StatesEveryFindingAnew_AndKeepsTheTimeUnlessCorrected()
    {
        var recorded = Dean(30, 3, stopped: true);
        var later = Day(31);

        var findings = Change("fix-1", recorded, AssessmentChangeKind.Corrected, dean: 1).ApplyTo(recorded)!;
        var time = (Change("fix-2", recorded, AssessmentChangeKind.Corrected, dean: 3) with { AssessedAt = later }).ApplyTo(recorded)!;

        Assert.Equal((1, (int?)null, false, (string?)null, recorded.AssessedAt), (findings.Dean, findings.CtcaeAlopeciaGrade, findings.StoppedCooling, findings.StoppedCoolingReason, findings.AssessedAt));
        Assert.Equal(later, time.AssessedAt);
        Assert.Null(Change("fix-3", recorded, AssessmentChangeKind.EnteredInError).ApplyTo(recorded));
    }

    [Fact]
    public void ChangeOfAnotherAssessment_OrAfterEnteredInError_ChangesNothing()
    {
        var first = Dean(30, 3);
        var second = Dean(31, 4) with { AssessmentId = "other" };
        var withdrawal = Change("fix-1", first, AssessmentChangeKind.EnteredInError);
        var tooLate = Change("fix-2", first, AssessmentChangeKind.Corrected, dean: 0);

        var current = AssessmentChange.Apply([first, second], [withdrawal, tooLate]);

        Assert.Equal([second], current);
        Assert.Null(AssessmentChange.Current(first, [withdrawal, tooLate]));
    }

    private static AssessmentChange Change(string id, OutcomeAssessment of, AssessmentChangeKind kind, int? dean = null) =>
        new(id, of.AssessmentId, kind, null, dean, null, false, null, "checked the photo", "nurse-2", Day(32));
}
