using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Board;
using InfusionSuite.Web.Sessions;

namespace InfusionSuite.Web.Courses;

/// <summary>A course as its page and the API show it: the summary in minutes, with the patient's name and the nurses' display names.</summary>
internal sealed class CourseReader(CourseQueries queries, IPatientNames patients, IStaffAccounts staff, IOutbox outbox, IServiceProvider services)
{
    public async Task<CourseApiView?> ReadAsync(string courseId, CancellationToken cancellationToken)
    {
        if (await queries.CourseAsync(courseId, cancellationToken) is not { } view)
        {
            return null;
        }

        var s = view.Summary;
        var ehrConfigured = services.GetService<IOutboxDelivery>()?.IsConfigured ?? false;
        var names = await patients.FindAsync([view.Facts.PatientReference], cancellationToken);
        var nurses = new Dictionary<string, string>(StringComparer.Ordinal);
        var assessments = s.Assessments.Concat(view.EnteredInError).ToList();
        var people = s.NotCooled.Select(n => n.DocumentedBy)
            .Concat(assessments.Select(a => a.AssessedBy))
            .Concat(assessments.Select(a => a.LatestChange?.ChangedBy).OfType<string>());
        foreach (var id in people.Distinct(StringComparer.Ordinal))
        {
            nurses[id] = (await staff.FindByIdAsync(id, cancellationToken))?.DisplayName ?? id;
        }

        AssessmentView? Assessment(OutcomeAssessment? a) => a is null ? null : new AssessmentView(
            a.AssessmentId, a.AssessedAt, a.Dean, a.CtcaeAlopeciaGrade, a.StoppedCooling, a.StoppedCoolingReason, nurses[a.AssessedBy], a.DocumentedAt)
        {
            Change = a.LatestChange is { } c ? new AssessmentChangeView(c.Kind.ToString(), c.Reason, nurses[c.ChangedBy], c.ChangedAt) : null,
        };

        return new CourseApiView(
            s.CourseId,
            s.Regimen,
            new PatientView(view.Facts.PatientReference, names.TryGetValue(view.Facts.PatientReference, out var name) ? name : null),
            [.. s.Sessions.Select(Line)],
            [.. s.NotCooled.Select(n => new NotCooledView(n.EntryId, n.GivenAt, n.Reason.ToString(), n.ReasonText, nurses[n.DocumentedBy], n.DocumentedAt))],
            [.. s.Assessments.Select(a => Assessment(a)!)],
            s.SessionsCooled,
            s.ChemotherapySessionsGiven,
            s.Adherence is { } adherence ? Math.Round(adherence * 100, 1) : null,
            WholeMinutes.Of(s.CumulativeCoolingTime),
            s.LastDoseAt,
            s.FollowUpDueFrom,
            s.Result.ToString(),
            Assessment(s.FollowUp),
            Assessment(s.StoppedCooling))
        {
            EnteredInError = [.. view.EnteredInError.Select(a => Assessment(a)!)],
            Delivery = [.. (await outbox.ListAsync(new OutboxQuery(SessionId: OutcomeKeys.Of(s.CourseId)), cancellationToken))
                .OrderBy(i => i.EnqueuedAt)
                .Select(i => i.ContentType.Contains("fhir", StringComparison.Ordinal)
                    ? new OutcomeDeliveryView("FHIR", i.Status.ToString(), i.EnqueuedAt, i.SentAt, i.ParkedReason, ehrConfigured)
                    : new OutcomeDeliveryView("HL7 v2", i.Status.ToString(), i.EnqueuedAt, i.SentAt, i.ParkedReason))],
        };
    }

    private static CourseSessionView Line(CourseSessionLine l) => new(
        l.SessionId,
        l.StartedAt,
        l.Status.ToString(),
        l.Cooled,
        Minutes(l.PreCooling),
        (int)l.PreCoolingTarget.TotalMinutes,
        Minutes(l.Infusion),
        Minutes(l.PostCooling),
        (int)l.PostCoolingTarget.TotalMinutes,
        WholeMinutes.Of(l.CoolingTime),
        Minutes(l.ChairTime),
        [.. l.Deviations.Select(d => new DeviationView(d.Name, d.Minutes, (long)d.Duration.TotalSeconds, d.Detail))]);

    private static int? Minutes(TimeSpan? span) => span is { } s ? WholeMinutes.Of(s) : null;
}
