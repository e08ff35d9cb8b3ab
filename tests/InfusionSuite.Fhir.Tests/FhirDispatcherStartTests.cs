using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Validation;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// The dispatcher's start (issue 14's trial: on a fresh demo the first FHIR delivery came 74 s after the first enqueue, with
/// no log line): it says where it delivers and loads the FHIR R4 definitions at once, saying so and how long it took, so the
/// first item after a start does not wait for them unannounced.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed class FhirDispatcherStartTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private readonly FhirServerReader _reader = new(server);

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Fact(Timeout = 300_000)]
    public async Task Start_SaysWhereItDelivers_LoadsTheDefinitionsBeforeAnyItem_AndTheFirstItemDoesNotWaitForThem()
    {
        using var harness = new DeliveryHarness(server.FhirBase, new Dictionary<string, string?> { ["Fhir:Delivery:ValidateBeforeSending"] = "true" });
        var validator = harness.Services.GetRequiredService<FhirResourceValidator>();
        Assert.False(validator.IsLoaded);

        await harness.StartAsync();

        var started = $"FHIR delivery started: due items go to the EHR at {server.FhirBase} in the Transaction shape, each Bundle validated";
        await Eventually.HoldsAsync(
            () => harness.Logs.Any(l => l.Level == LogLevel.Information && l.Message.StartsWith(started, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the line saying where delivery goes; logged: " + string.Join(" | ", harness.Logs.Select(l => l.Message)));
        await Eventually.HoldsAsync(() => validator.IsLoaded, TimeSpan.FromMinutes(4), "the FHIR R4 definitions to load with nothing in the outbox");
        await Eventually.HoldsAsync(
            () => harness.Logs.Any(l => l.Level == LogLevel.Information && l.Message.StartsWith("The FHIR R4 definitions are loaded (", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the line saying the definitions are loaded");
        Assert.Contains(harness.Logs, l => l.Level == LogLevel.Information && l.Message.StartsWith("Loading the FHIR R4 definitions", StringComparison.Ordinal));

        var patientId = await _reader.CreatePatientAsync("MRN-START");
        var record = SimulatedSessions.Normal("start-1");
        var context = SimulatedSessions.Context(record, patientId);
        await _reader.HoldAsync(record, context);
        var item = harness.Enqueue(record, context);
        var delivered = $"{item.Id:D} (session start-1) delivered on attempt 1";
        await Eventually.HoldsAsync(
            () => harness.Logs.Any(l => l.Level == LogLevel.Information && l.Message.Contains(delivered, StringComparison.Ordinal)),
            TimeSpan.FromMinutes(2),
            "the first item to be delivered; logged: " + string.Join(" | ", harness.Logs.Select(l => l.Message)));

        Assert.Equal(OutboxStatus.Sent, harness.Outbox[item.Id].Status);
        Assert.DoesNotContain(harness.Logs, l => l.Message.Contains("waits for the FHIR R4 definitions", StringComparison.Ordinal));
    }
}
