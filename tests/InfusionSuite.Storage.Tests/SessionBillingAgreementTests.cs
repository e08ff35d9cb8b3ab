// FHIR model navigation is nullable at every step; the tests assert on it instead of null-checking.
#nullable disable warnings

using Hl7.Fhir.Model;
using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Fhir;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// The session page and the EHR output give the same billing answer: the page's query
/// (<see cref="SessionBillingQuery"/> over the stored courses, as <c>Web/Sessions/SessionBillingReader</c>
/// reads it) and the ChargeItems of the Bundle written in the end's transaction, session after session.
/// </summary>
public sealed class SessionBillingAgreementTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Theory]
    [BothEngines]
    public async Task EverySessionOfAPatient_ThePageAndTheEhrChargeItemsAgree_CodeByCode(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine, ehrDelivery: true);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var query = fixture.Services.GetRequiredService<SessionBillingQuery>();
        var stored = fixture.Services.GetRequiredService<IPatientCourses>();
        var outbox = fixture.Services.GetRequiredService<IOutbox>();
        var reasons = new List<string>();

        foreach (var (sessionId, course, start) in new[]
        {
            ("s-50", "course-A", Nine),                       // first of course A: both codes billable
            ("s-51", "course-B", Nine.AddHours(4)),           // same date of service, other course: 0663T refused (MUE 1)
            ("s-52", "course-A", Nine.AddDays(1)),            // course A again: 0662T already reported in the course
        })
        {
            batch.Clear();
            var session = FhirOutboxParticipantTests.CompletedSession(build, sessionId, "MRN-50", start, course: course);
            await fixture.Store.CommitAsync(batch, CancellationToken.None);

            var page = await query.ForSessionAsync(session.ToRecord(), stored, CancellationToken.None);
            var item = Assert.Single(await outbox.ListAsync(new OutboxQuery(SessionId: sessionId), CancellationToken.None));
            var charges = FhirJson.Parse<Bundle>(item.Payload).Entry.Select(e => e.Resource).OfType<ChargeItem>().ToList();

            Assert.Equal(
                page.Decisions.Select(d => (d.Code, d.Billable ? ChargeItem.ChargeItemStatus.Billable : ChargeItem.ChargeItemStatus.NotBillable, BillingRuleText.For(d))),
                charges.Select(c => (c.Code.Coding[0].Code, c.Status.Value, c.Note.Single().Text)));
            reasons.AddRange(page.Decisions.SelectMany(d => d.Reasons).Select(BillingRuleText.Name));
        }

        Assert.Equal(["SECOND_SESSION_SAME_DATE", "CALIBRATION_ALREADY_REPORTED_IN_COURSE"], reasons.Where(r => r is "SECOND_SESSION_SAME_DATE" or "CALIBRATION_ALREADY_REPORTED_IN_COURSE"));
    }
}
