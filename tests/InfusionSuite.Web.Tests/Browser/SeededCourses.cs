using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// Three finished courses documented as a nurse would (back-dated nurse actions and course entries) on a host
/// whose clock stands at <see cref="Now"/>: docetaxel (3 cooled, 1 not cooled, Dean 1: success), anthracycline
/// (2 cooled, Dean 3 and stopped cooling: not a success) and paclitaxel (2 cooled, follow-up due).
/// </summary>
internal static class SeededCourses
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    public const string Docetaxel = "plan-docetaxel";
    public const string Anthracycline = "plan-anthracycline";
    public const string Paclitaxel = "plan-paclitaxel";

    /// <summary>How many courses the seed stores.</summary>
    public const int Count = 3;

    public static async Task SeedAsync(IServiceProvider services, string nurseId)
    {
        var nurse = services.GetRequiredService<INurseActions>();
        var documentation = services.GetRequiredService<CourseDocumentation>();
        var day = Now.AddDays(-120).Date;
        var start = new DateTimeOffset(day.AddHours(13), TimeSpan.Zero);

        var last = DateTimeOffset.MinValue;
        for (var s = 0; s < 3; s++)
        {
            last = await SessionAsync(nurse, nurseId, Docetaxel, "MRN-D", "Docetaxel q3w", s == 0, start.AddDays(21 * s), pre: 30 + (s * 3), post: s == 1 ? 30 : 47);
        }

        await documentation.NotCooledAsync(new NotCooledEntry(Docetaxel, "NoChairOrDevice", null, last.AddDays(21), null), nurseId, CancellationToken.None);
        await documentation.AssessAsync(new AssessmentEntry(Docetaxel, 1, 1, false, null, last.AddDays(21 + 30), null), nurseId, CancellationToken.None);

        for (var s = 0; s < 2; s++)
        {
            last = await SessionAsync(nurse, nurseId, Anthracycline, "MRN-A", "Anthracycline", s == 0, start.AddDays(1 + (21 * s)), pre: 30, post: 95);
        }

        await documentation.AssessAsync(new AssessmentEntry(Anthracycline, 3, 2, true, "Hair loss; chose a wig", last.AddDays(31), null), nurseId, CancellationToken.None);

        for (var s = 0; s < 2; s++)
        {
            await SessionAsync(nurse, nurseId, Paclitaxel, "MRN-P", "Paclitaxel weekly 90 mg/m2", s == 0, start.AddDays(50 + (7 * s)), pre: 28, post: 62);
        }
    }

    private static async Task<DateTimeOffset> SessionAsync(
        INurseActions nurse, string nurseId, string courseId, string patient, string regimen, bool first, DateTimeOffset start, double pre, double post)
    {
        var started = await nurse.StartSessionAsync(
            new StartSessionRequest(nurseId, "CHAIR-01", courseId, patient, new ChemoAdministration("MA-" + start.ToUnixTimeSeconds(), SessionScenario.PrimaryCode),
                RegimenPreset: regimen, FirstOfCourse: first, EffectiveAt: start, PatientName: patient == "MRN-D" ? "Mary Major (test)" : null, ConfirmUnheardController: true),
            CancellationToken.None);
        Assert.Equal(NurseActionOutcome.Accepted, started.Outcome);
        var id = started.SessionId!;
        var placed = start.AddMinutes(5);
        var infusionEnd = placed.AddMinutes(pre + 60);
        Assert.Equal(NurseActionOutcome.Accepted, (await nurse.CapPlacedAsync(id, nurseId, placed, CancellationToken.None)).Outcome);
        Assert.Equal(NurseActionOutcome.Accepted, (await nurse.InfusionStartedAsync(id, nurseId, placed.AddMinutes(pre), CancellationToken.None)).Outcome);
        Assert.Equal(NurseActionOutcome.Accepted, (await nurse.InfusionEndedAsync(id, nurseId, infusionEnd, CancellationToken.None)).Outcome);
        Assert.Equal(NurseActionOutcome.Accepted, (await nurse.CapRemovedAsync(id, nurseId, infusionEnd.AddMinutes(post), CancellationToken.None)).Outcome);
        return infusionEnd;
    }
}
