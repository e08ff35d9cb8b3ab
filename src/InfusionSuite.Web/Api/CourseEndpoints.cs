using System.Security.Claims;
using InfusionSuite.Application.Courses;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Courses;
using Microsoft.AspNetCore.Mvc;

namespace InfusionSuite.Web.Api;

/// <summary>
/// Courses over REST: read a course (nurses and admins: it names the patient), and document chemotherapy
/// given without cooling and outcome assessments, and correct an assessment or mark it entered in error (nurses). Each entry is checked once (400 naming the
/// field), stored append-only with who and when, and answered after the commit; a retried id stores nothing.
/// </summary>
internal static class CourseEndpoints
{
    public static RouteGroupBuilder MapCourses(this RouteGroupBuilder api)
    {
        var courses = api.MapGroup("/courses").WithTags("Courses");
        courses.MapGet("/{courseId}", ReadAsync).RequireAuthorization(StaffRoles.PatientDataPolicy)
            .WithSummary("A course: sessions against targets, chemotherapy given without cooling, adherence, assessments and the result");
        courses.MapPost("/{courseId}/not-cooled", NotCooledAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy)
            .WithSummary("Document chemotherapy given without cooling, with the reason");
        courses.MapPost("/{courseId}/assessments", AssessAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy)
            .WithSummary("Document an outcome assessment: Dean 0–4, CTCAE alopecia grade 0–2, stopped cooling");
        courses.MapPost("/{courseId}/assessments/{assessmentId}/correction", CorrectAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy)
            .WithSummary("Correct an outcome assessment (the findings stated anew), with the reason; the correction reaches the EHR");
        courses.MapPost("/{courseId}/assessments/{assessmentId}/entered-in-error", EnteredInErrorAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy)
            .WithSummary("Mark an outcome assessment entered in error, with the reason; it stops counting and is withdrawn at the EHR");
        return api;
    }

    private static async Task<IResult> ReadAsync(string courseId, CourseReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(CourseIds.FromRoute(courseId), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : NotFound();

    private static async Task<IResult> NotCooledAsync(
        string courseId, [FromBody] NotCooledBody body, ClaimsPrincipal user, CourseDocumentation documentation, CancellationToken cancellationToken)
    {
        var id = CourseIds.FromRoute(courseId);
        var result = await documentation.NotCooledAsync(
            new NotCooledEntry(id, body.Reason, body.ReasonText, body.GivenAt, body.EntryId), user.UserId(), cancellationToken);
        return Answer(id, result);
    }

    private static async Task<IResult> AssessAsync(
        string courseId, [FromBody] AssessmentBody body, ClaimsPrincipal user, CourseDocumentation documentation, CancellationToken cancellationToken)
    {
        var id = CourseIds.FromRoute(courseId);
        var result = await documentation.AssessAsync(
            new AssessmentEntry(id, body.Dean, body.CtcaeGrade, body.StoppedCooling, body.StoppedReason, body.AssessedAt, body.AssessmentId),
            user.UserId(), cancellationToken);
        return Answer(id, result);
    }

    private static async Task<IResult> CorrectAsync(
        string courseId, string assessmentId, [FromBody] AssessmentChangeBody body, ClaimsPrincipal user, CourseDocumentation documentation, CancellationToken cancellationToken)
    {
        var id = CourseIds.FromRoute(courseId);
        var result = await documentation.ChangeAssessmentAsync(
            new AssessmentChangeEntry(id, assessmentId, false, body.Dean, body.CtcaeGrade, body.StoppedCooling, body.StoppedReason, body.AssessedAt, body.Reason, body.ChangeId),
            user.UserId(), cancellationToken);
        return Answer(id, result);
    }

    private static async Task<IResult> EnteredInErrorAsync(
        string courseId, string assessmentId, [FromBody] AssessmentChangeBody body, ClaimsPrincipal user, CourseDocumentation documentation, CancellationToken cancellationToken)
    {
        var id = CourseIds.FromRoute(courseId);
        var result = await documentation.ChangeAssessmentAsync(
            new AssessmentChangeEntry(id, assessmentId, true, null, null, null, null, null, body.Reason, body.ChangeId), user.UserId(), cancellationToken);
        return Answer(id, result);
    }

    internal static IResult Answer(string courseId, CourseEntryResult result) => result.Outcome switch
    {
        CourseEntryOutcome.Invalid => ActionResults.Invalid(result.Errors),
        CourseEntryOutcome.UnknownCourse => NotFound(),
        CourseEntryOutcome.UnknownAssessment => TypedResults.Problem(
            "The course has no assessment with this id.", statusCode: StatusCodes.Status404NotFound, title: "No such assessment"),
        _ => TypedResults.Ok(new CourseEntryResponse(courseId, result.EntryId!, result.Outcome.ToString())),
    };

    private static IResult NotFound() =>
        TypedResults.Problem("No course has this id.", statusCode: StatusCodes.Status404NotFound, title: "No such course");
}
