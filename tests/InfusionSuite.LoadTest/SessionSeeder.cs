using InfusionSuite.Application;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.LoadTest;

/// <summary>
/// Opens one session per virtual controller before the worker starts, through the real nurse
/// actions of an in-process writer on the same database (no links). The worker then rebuilds
/// them at start, as after a restart, and folds every sample into its session.
/// </summary>
internal static class SessionSeeder
{
    public static async Task SeedAsync(IReadOnlyDictionary<string, string> storage, IEnumerable<string> controllerIds, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(storage.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddControllerLinks(ControllerQueueConsumer.Registered);
        builder.AddStorage();
        builder.AddIngest();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var nurse = host.Services.GetRequiredService<INurseActions>();
        await Parallel.ForEachAsync(controllerIds, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var result = await nurse.StartSessionAsync(
                new StartSessionRequest("nurse-load", id, "course-" + id, "patient-" + id, new ChemoAdministration("ma-" + id, "96413"), RegimenPreset: "Standard", ConfirmUnheardController: true),
                ct);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"Session for {id} not started: {result.Outcome} {result.Message}");
            }
        });
        await host.StopAsync(cancellationToken);
    }
}
