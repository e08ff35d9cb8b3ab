using System.Globalization;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// The billing evaluation of one session in the context of all its patient's courses (MUE 1 per date
/// of service and 0662T once per course need the other sessions). It never blocks anything: it shows facts.
/// </summary>
internal sealed class SessionBillingReader(ISessionDirectory directory, IChairBoard board, BillingPolicy policy)
{
    public async Task<BillingView> ReadAsync(ScalpCoolingSessionRecord session, CancellationToken cancellationToken)
    {
        var patient = session.Plan.PatientReference;
        var listings = await directory.OfPatientAsync(patient, cancellationToken);
        var records = new List<ScalpCoolingSessionRecord>(listings.Count);
        foreach (var listing in listings)
        {
            if (listing.SessionId == session.Plan.SessionId)
            {
                records.Add(session);
            }
            else if (await board.SessionAsync(listing.SessionId, cancellationToken) is { } other)
            {
                records.Add(other.Record);
            }
        }

        if (records.All(r => r.Plan.SessionId != session.Plan.SessionId))
        {
            records.Add(session);
        }

        var courses = new List<ScalpCoolingCourse>();
        foreach (var group in records.GroupBy(r => r.Plan.CourseId, StringComparer.Ordinal))
        {
            var facts = await directory.CourseAsync(group.Key, cancellationToken);
            courses.Add(ScalpCoolingCourse.Create(group.Key, patient, facts?.Regimen ?? string.Empty, facts?.CapMeasuredAndCalibrated ?? false, group));
        }

        var evaluation = ScalpCoolingBilling.Evaluate(courses, policy).Single(c => c.CourseId == session.Plan.CourseId);
        var id = session.Plan.SessionId;
        var codes = evaluation.Placement.Where(d => d.SessionId == id).Concat(evaluation.Calibration.Where(d => d.SessionId == id))
            .Select(d => new CodeView(d.Code, d.Billable, [.. d.Reasons.Select(BillingRuleText.Name)], BillingRuleText.For(d)))
            .ToList();
        var date = policy.DateOfService(ScalpCoolingBilling.ServiceInstant(session)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new BillingView(date, codes, [.. evaluation.Warnings.Select(w => w.Detail)]);
    }
}
