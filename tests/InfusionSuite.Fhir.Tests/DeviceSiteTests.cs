using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// A chair keeps one Device at the EHR whichever worker ends its sessions: the Device identifier system comes from the
/// site stored for the chair (the same for every worker on a shared database), not from the node's <c>Fhir:Mapping:Site</c>.
/// </summary>
[Collection(FhirServerCollection.Name)]
public sealed class DeviceSiteTests(FhirServerFixture server) : IAsyncLifetime, IDisposable
{
    private readonly FhirServerReader _reader = new(server);

    public Task InitializeAsync() => server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _reader.Dispose();

    [Fact]
    public void TwoWorkersWithDifferentSiteSettings_GiveTheChairTheSystemOfItsStoredSite()
    {
        using var a = new DeliveryHarness(null, new Dictionary<string, string?> { ["Fhir:Mapping:Site"] = "site-a" });
        using var b = new DeliveryHarness(null, new Dictionary<string, string?> { ["Fhir:Mapping:Site"] = "site-b" });
        var record = SimulatedSessions.Normal("dev-site-1");
        var context = SimulatedSessions.Context(record) with { ControllerSite = "north" };

        Assert.Equal("urn:infusionsuite:controller:north", DeviceSystem(a.Create(record, context)));
        Assert.Equal("urn:infusionsuite:controller:north", DeviceSystem(b.Create(record, context)));
        Assert.Equal("urn:infusionsuite:controller:site-a", DeviceSystem(a.Create(record, SimulatedSessions.Context(record)))); // no site stored: the node's
    }

    [Fact]
    public void DeviceSystemSetByHand_IsUsedAsItIs()
    {
        using var harness = new DeliveryHarness(null, new Dictionary<string, string?>
        {
            ["Fhir:Mapping:Site"] = "site-a",
            ["Fhir:Mapping:DeviceIdentifierSystem"] = "urn:oid:1.2.3.4.5",
        });
        var record = SimulatedSessions.Normal("dev-site-2");

        Assert.Equal("urn:oid:1.2.3.4.5", DeviceSystem(harness.Create(record, SimulatedSessions.Context(record) with { ControllerSite = "north" })));
    }

    [Fact]
    public async Task SessionsOfOneChairEndedByTwoWorkersWithDifferentSiteSettings_LeaveOneDeviceAtTheEhr()
    {
        using var owner = new DeliveryHarness(server.FhirBase, new Dictionary<string, string?> { ["Fhir:Mapping:Site"] = "site-a" });
        using var standby = new DeliveryHarness(server.FhirBase, new Dictionary<string, string?> { ["Fhir:Mapping:Site"] = "site-b" });
        var patientId = await _reader.CreatePatientAsync("MRN-DEV-1");
        var before = SimulatedSessions.Normal("dev-site-3");
        var after = SimulatedSessions.Normal("dev-site-4", before.PerformedPeriod!.Value.End + TimeSpan.FromHours(1));

        foreach (var (worker, record) in new[] { (owner, before), (standby, after) })
        {
            var context = SimulatedSessions.Context(record, patientId) with { ControllerSite = "north" };
            await _reader.HoldAsync(record, context);
            Assert.Equal(OutboxStatus.Sent, (await worker.SettleAsync(worker.Enqueue(record, context).Id)).Status);
        }

        var device = Assert.Single(await _reader.SearchAsync<Device>());
        Assert.Equal("urn:infusionsuite:controller:north", device.Identifier.Single().System);
        Assert.All(await _reader.SearchAsync<Procedure>($"patient=Patient/{patientId}"), p => Assert.Equal("Device/" + device.Id, p.UsedReference.Single().Reference));
    }

    private static string DeviceSystem(OutboxItem item) =>
        FhirJson.Parse<Bundle>(item.Payload).Entry.Select(e => e.Resource).OfType<Device>().Single().Identifier.Single().System;
}
