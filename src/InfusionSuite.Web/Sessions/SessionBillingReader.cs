using System.Globalization;
using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// The session's billing as the EHR receives it: the one <see cref="SessionBillingQuery"/> over the
/// patient's stored courses (MUE 1 per date of service and 0662T once per course need the other
/// sessions). It never blocks anything: it shows facts.
/// </summary>
internal sealed class SessionBillingReader(SessionBillingQuery billing, IPatientCourses courses)
{
    public async Task<BillingView> ReadAsync(ScalpCoolingSessionRecord session, CancellationToken cancellationToken)
    {
        var answer = await billing.ForSessionAsync(session, courses, cancellationToken);
        var codes = answer.Decisions
            .Select(d => new CodeView(
                d.Code, d.Billable, [.. d.Reasons.Select(BillingRuleText.Name), .. d.Held.Select(BillingRuleText.Name)], BillingRuleText.For(d),
                d.Billable ? "billable" : d.IsHeld ? "held" : "not-billable", BillingWords.Status(d), BillingWords.For(d)))
            .ToList();
        var date = answer.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var plan = session.Plan;
        return new BillingView(date, codes, [.. answer.Warnings.Select(w => w.Detail)])
        {
            Details = new BillingDetailsView(plan.EncounterReference, plan.Billing?.OrderingProviderNpi, plan.Billing?.DiagnosisCodes ?? [], plan.Billing?.Payer),
            Courses = [.. (await courses.OfPatientAsync(plan.PatientReference, cancellationToken)).Select(c => new PatientCourseView(
                c.CourseId, c.Sessions.Count, c.Sessions.Any(s => string.Equals(s.SessionId, plan.SessionId, StringComparison.Ordinal))))],
        };
    }
}
