using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Demo;

/// <summary>
/// Six finished courses with follow-ups, so the course pages and the suite report have something to show:
/// documented through the same nurse actions and course entries a nurse uses, back-dated ("it happened
/// … ago") on the first demo chair before its simulator starts. Seeded once per database.
/// </summary>
internal sealed class DemoHistory(
    TimeProvider clock, INurseActions nurse, CourseDocumentation documentation, ICourseRecords courses, ILogger<DemoHistory> logger)
{
    public const string FirstCourseId = "demo-history-1";

    /// <summary>(regimen, sessions, days apart, not cooled after session n (0: none), Dean at follow-up (null: due), stopped cooling, short post-cooling in session n).</summary>
    private static readonly (string Regimen, int Sessions, int Every, int NotCooledAfter, int? Dean, bool Stopped, int ShortPost)[] s_courses =
    [
        ("Docetaxel q3w", 4, 21, 0, 1, false, 0),
        ("Docetaxel q3w", 4, 21, 2, 2, false, 0),
        ("Paclitaxel weekly 90 mg/m2", 6, 7, 0, 2, false, 3),
        ("Anthracycline", 4, 21, 0, 3, true, 0),
        ("Anthracycline", 3, 21, 1, 4, false, 2),
        ("Paclitaxel weekly 90 mg/m2", 4, 7, 0, null, false, 0),
    ];

    public async Task SeedAsync(string nurseId, CancellationToken cancellationToken)
    {
        if (await courses.LoadAsync(FirstCourseId, cancellationToken) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var chair = SimulatedChair.Numbered(0).ControllerId;
        for (var c = 0; c < s_courses.Length; c++)
        {
            var (regimen, count, every, notCooledAfter, dean, stopped, shortPost) = s_courses[c];
            var courseId = "demo-history-" + (c + 1);
            var patient = "DEMO-H" + (c + 1);
            var name = DemoPatientNames.ForHistory(c);
            var preset = RegimenPreset.Defaults.First(p => p.Name == regimen);
            // The last dose lands 5–7 weeks ago, so each follow-up is due or done.
            var first = now.AddDays(-(((count - 1) * every) + 35 + (c * 3))).Date.AddHours(9 + c);
            var lastDose = DateTimeOffset.MinValue;
            for (var s = 1; s <= count; s++)
            {
                var start = new DateTimeOffset(first, TimeSpan.Zero).AddDays((s - 1) * every);
                var post = s == shortPost ? preset.Targets.PostCooling.TotalMinutes - 15 : preset.Targets.PostCooling.TotalMinutes + 4 + (s % 3);
                lastDose = await SessionAsync(nurseId, chair, courseId, patient, name, regimen, s == 1, start, 30 + (s % 2 * 4), 60 + (c * 5), post, cancellationToken);
                if (s == notCooledAfter)
                {
                    lastDose = start.AddDays(every / 2.0);
                    await documentation.NotCooledAsync(
                        new NotCooledEntry(courseId, c % 2 == 0 ? "PatientDeclined" : "NoChairOrDevice", null, lastDose, "demo-nc-" + (c + 1)),
                        nurseId, cancellationToken);
                }
            }

            if (dean is { } score)
            {
                await documentation.AssessAsync(
                    new AssessmentEntry(courseId, score, score > 2 ? 2 : 1, stopped, stopped ? "Hair loss; chose a wig" : null, lastDose.AddDays(30), "demo-fu-" + (c + 1)),
                    nurseId, cancellationToken);
            }
        }

        DemoLog.HistorySeeded(logger, s_courses.Length);
    }

    private async Task<DateTimeOffset> SessionAsync(
        string nurseId, string chair, string courseId, string patient, string patientName, string regimen, bool firstOfCourse, DateTimeOffset start,
        double pre, double infusion, double post, CancellationToken cancellationToken)
    {
        var started = await nurse.StartSessionAsync(
            new StartSessionRequest(
                nurseId, chair, courseId, patient, new ChemoAdministration("MedicationAdministration/" + courseId + "-" + start.ToUnixTimeSeconds(), "96413"),
                RegimenPreset: regimen, CapSize: CapSize.M, FirstOfCourse: firstOfCourse, EffectiveAt: start, PatientName: patientName,
                EncounterReference: "Encounter/demo-visit-" + courseId + "-" + start.ToUnixTimeSeconds(),
                ConfirmUnheardController: true), // the demo's own chair, seeded before its simulator speaks
            cancellationToken);
        if (started.SessionId is not { } id || started.Outcome != NurseActionOutcome.Accepted)
        {
            return start;
        }

        var placed = start.AddMinutes(4);
        var infusionStart = placed.AddMinutes(pre);
        var infusionEnd = infusionStart.AddMinutes(infusion);
        await nurse.CapPlacedAsync(id, nurseId, placed, cancellationToken);
        await nurse.InfusionStartedAsync(id, nurseId, infusionStart, cancellationToken);
        await nurse.InfusionEndedAsync(id, nurseId, infusionEnd, cancellationToken);
        await nurse.CapRemovedAsync(id, nurseId, infusionEnd.AddMinutes(post), cancellationToken);
        return infusionEnd;
    }
}
