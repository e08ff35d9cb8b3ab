using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Simulator.Running;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// On a host whose clock runs 120 times faster than real time (the demo's), the EHR still answers in real time:
/// its look-ups and deliveries wait for it by real time-outs (issue 14's trial: the default 30-second time-out ran
/// on the demo's clock, a quarter of a real second, and every look-up timed out), and its waits are real waits.
/// </summary>
public sealed partial class FhirShapeDeliveryTests
{
    private const double DemoSpeed = 120;

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task HostClock120TimesFaster_AnEhrAnswering300msLate_IsLookedUpAndDeliveredOnTheFirstAttempt(string mode, FhirDeliveryShape shape)
    {
        await server.Control($"mode?name={mode}");
        var patient = await PatientAsync(mode, "Slow");
        await server.Control("latency?ms=300");
        using var harness = FasterClockHarness(shape);
        var record = SimulatedSessions.Normal("slow-" + mode);

        var item = await SendAsync(harness, record, patient, SimulatedSessions.Charges(record));

        var attempt = Assert.Single(item.Attempts);
        Assert.Equal(OutboxAttemptOutcome.Sent, attempt.Outcome);
        Assert.Single(await _reader.SearchAsync<Hl7.Fhir.Model.Procedure>($"patient=Patient/{patient.PatientId}"));
    }

    [Fact]
    public async Task HostClock120TimesFaster_TheEhrsRetryAfter_IsARealWait_KeptOnTheHostsClock()
    {
        await server.Control("mode?name=transaction");
        var patient = await PatientAsync("transaction", "Busy");
        await server.Control("fail-next?status=503&retryAfter=20"); // longer than an in-process retry waits: the outbox's to keep
        using var harness = FasterClockHarness(FhirDeliveryShape.Transaction);
        var record = SimulatedSessions.Normal("busy-1");

        var item = harness.Enqueue(record, Context(record, patient, SimulatedSessions.Charges(record)));
        await harness.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var waiting = harness.Outbox[item.Id];
        var failed = Assert.Single(waiting.Attempts);
        Assert.Equal(OutboxAttemptOutcome.TransientFailure, failed.Outcome);

        // Twenty real seconds are forty minutes of the host's clock: not tried again before.
        Assert.InRange(waiting.NextAttemptAt - failed.FinishedAt, TimeSpan.FromSeconds(20 * DemoSpeed), TimeSpan.FromSeconds(21 * DemoSpeed));
    }

    private DeliveryHarness FasterClockHarness(FhirDeliveryShape shape) => new(
        server.FhirBase,
        new Dictionary<string, string?>
        {
            ["Fhir:Delivery:Shape"] = shape.ToString(),
            ["Fhir:Delivery:BillCodeSystem"] = BillCodes,
            ["Fhir:Delivery:AttemptTimeout"] = "00:00:30", // the default: a quarter of a real second on a clock 120 times faster
            ["Fhir:Delivery:InProcessRetries"] = "1",
            ["Fhir:Delivery:InProcessRetryDelay"] = "00:00:00.020",
        },
        new ScaledTimeProvider(DemoSpeed),
        new IoTime(TimeProvider.System, DemoSpeed));
}
