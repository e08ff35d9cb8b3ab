using System.Globalization;
using System.Security.Claims;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Pages;
using Microsoft.AspNetCore.Mvc;

namespace InfusionSuite.Web.Courses;

/// <summary>
/// The course list and the course page (nurses and admins) and its two forms (nurses): plain HTML forms with the antiforgery
/// field, answered with a redirect back to the page, or the page again with each field's problem (400).
/// </summary>
internal static class CoursePages
{
    public static void MapCoursePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/courses", async (HttpContext context, string? result, CourseListReader list) =>
        {
            var known = result is "InProgress" or "FollowUpDue" or "Success" or "NotSuccess" ? result : null;
            return StationPage.Render<CourseListPage>(context, "Courses", new Dictionary<string, object?>
            {
                [nameof(CourseListPage.Courses)] = await list.ReadAsync(known, context.RequestAborted),
                [nameof(CourseListPage.Result)] = known,
            });
        }).RequireAuthorization(StaffRoles.PatientDataPolicy);
        app.MapGet("/courses/{courseId}", (HttpContext context, string courseId, CourseReader reader) =>
            PageAsync(context, CourseIds.FromRoute(courseId), reader, [], new Dictionary<string, string>(), StatusCodes.Status200OK)).RequireAuthorization(StaffRoles.PatientDataPolicy);
        app.MapPost("/courses/{courseId}/not-cooled", NotCooledAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy);
        app.MapPost("/courses/{courseId}/assessments", AssessAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy);
        app.MapPost("/courses/{courseId}/assessments/{assessmentId}/correction", CorrectAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy);
        app.MapPost("/courses/{courseId}/assessments/{assessmentId}/entered-in-error", EnteredInErrorAsync).RequireAuthorization(StaffRoles.RunSessionsPolicy);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, string courseId, CourseReader reader, IReadOnlyList<FieldError> errors, IReadOnlyDictionary<string, string> form, int status)
    {
        var course = await reader.ReadAsync(courseId, context.RequestAborted);
        if (course is null)
        {
            return Results.Problem("No course has this id.", statusCode: StatusCodes.Status404NotFound, title: "No such course");
        }

        return StationPage.Render<CoursePage>(context, "Course", new Dictionary<string, object?>
        {
            [nameof(CoursePage.Course)] = course,
            [nameof(CoursePage.CanDocument)] = context.User.RunsSessions(),
            [nameof(CoursePage.Errors)] = errors,
            [nameof(CoursePage.Form)] = form,
        }, status);
    }

    private static async Task<IResult> NotCooledAsync(
        HttpContext context, string courseId, [FromForm] string? reason, [FromForm] string? reasonText, [FromForm] string? givenAt,
        [FromForm] string? entryId, CourseDocumentation documentation, CourseReader reader)
    {
        var id = CourseIds.FromRoute(courseId);
        var errors = new List<FieldError>();
        var at = LocalTimeField.Parse(givenAt, PageChrome.SiteZoneOf(context.RequestServices), "givenAt", errors);
        var result = errors.Count > 0
            ? CourseEntryResult.Invalid(errors)
            : await documentation.NotCooledAsync(new NotCooledEntry(id, reason, reasonText, at, Blank(entryId)), context.User.UserId(), context.RequestAborted);
        return await AnswerAsync(context, id, result, reader);
    }

    private static async Task<IResult> AssessAsync(
        HttpContext context, string courseId, [FromForm] string? dean, [FromForm] string? ctcaeGrade, [FromForm] string? stoppedCooling,
        [FromForm] string? stoppedReason, [FromForm] string? assessedAt, [FromForm] string? assessmentId, CourseDocumentation documentation, CourseReader reader)
    {
        var id = CourseIds.FromRoute(courseId);
        var errors = new List<FieldError>();
        var at = LocalTimeField.Parse(assessedAt, PageChrome.SiteZoneOf(context.RequestServices), "assessedAt", errors);
        var deanScore = Number(dean, "dean", errors);
        var grade = Number(ctcaeGrade, "ctcaeGrade", errors);
        var result = errors.Count > 0
            ? CourseEntryResult.Invalid(errors)
            : await documentation.AssessAsync(
                new AssessmentEntry(id, deanScore, grade, stoppedCooling is "on" or "true", Blank(stoppedReason), at, Blank(assessmentId)),
                context.User.UserId(), context.RequestAborted);
        return await AnswerAsync(context, id, result, reader);
    }

    private static async Task<IResult> CorrectAsync(
        HttpContext context, string courseId, string assessmentId, [FromForm] string? dean, [FromForm] string? ctcaeGrade, [FromForm] string? stoppedCooling,
        [FromForm] string? stoppedReason, [FromForm] string? reason, [FromForm] string? changeId, CourseDocumentation documentation, CourseReader reader)
    {
        var id = CourseIds.FromRoute(courseId);
        var errors = new List<FieldError>();
        var deanScore = Number(dean, "dean", errors);
        var grade = Number(ctcaeGrade, "ctcaeGrade", errors);
        var result = errors.Count > 0
            ? CourseEntryResult.Invalid(errors)
            : await documentation.ChangeAssessmentAsync(
                new AssessmentChangeEntry(id, assessmentId, false, deanScore, grade, stoppedCooling is "on" or "true", Blank(stoppedReason), null, reason, Blank(changeId)),
                context.User.UserId(), context.RequestAborted);
        return await AnswerAsync(context, id, result, reader);
    }

    private static async Task<IResult> EnteredInErrorAsync(
        HttpContext context, string courseId, string assessmentId, [FromForm] string? reason, [FromForm] string? changeId, CourseDocumentation documentation, CourseReader reader)
    {
        var id = CourseIds.FromRoute(courseId);
        var result = await documentation.ChangeAssessmentAsync(
            new AssessmentChangeEntry(id, assessmentId, true, null, null, null, null, null, reason, Blank(changeId)), context.User.UserId(), context.RequestAborted);
        return await AnswerAsync(context, id, result, reader);
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, string courseId, CourseEntryResult result, CourseReader reader) => result.Outcome switch
    {
        CourseEntryOutcome.Invalid => await PageAsync(context, courseId, reader, result.Errors, Posted(context), StatusCodes.Status400BadRequest),
        CourseEntryOutcome.UnknownCourse => Results.Problem("No course has this id.", statusCode: StatusCodes.Status404NotFound, title: "No such course"),
        CourseEntryOutcome.UnknownAssessment => Results.Problem("The course has no assessment with this id.", statusCode: StatusCodes.Status404NotFound, title: "No such assessment"),
        _ => Results.Redirect(CourseIds.Path(courseId), permanent: false, preserveMethod: false),
    };

    /// <summary>The refused form's fields as posted (the antiforgery token left out), to fill the form again.</summary>
    private static Dictionary<string, string> Posted(HttpContext context) =>
        context.Request.HasFormContentType
            ? context.Request.Form
                .Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal))
                .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : [];

    private static int? Number(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new(field, "Choose a value from the list."));
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
