using System.Globalization;
using InfusionSuite.Simulator.Running;

namespace InfusionSuite.Host.Demo;

/// <summary>The <c>--demo</c> switch of the host.</summary>
public static class DemoModeRegistration
{
    /// <summary>
    /// With <c>--demo</c> in <paramref name="args"/>: an embedded MQTT broker on loopback, six simulated
    /// chairs driven by a demo nurse, a scaled clock (<c>--time-scale</c>, default 30) as the host's
    /// <see cref="TimeProvider"/>, the database in <c>--data</c> (default <c>./data</c>), no EHR (the
    /// Bundles stay in the outbox, shown at <c>/demo/bundles</c>), and a banner with the URL. Call it before the other <c>Add…</c> methods: it sets the configuration they read.
    /// Without <c>--demo</c> it does nothing.
    /// </summary>
    public static WebApplicationBuilder AddDemoMode(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var demo = DemoArguments.Parse(args);
        if (!demo.Enabled)
        {
            return builder;
        }

        var folder = Path.GetFullPath(demo.DataFolder);
        var database = Path.Combine(folder, "infusionsuite.db");
        var (start, latest) = DemoClockOrigin.Choose(database, TimeProvider.System.GetUtcNow());
        var settings = new DemoSettings(demo.TimeScale, folder, database, LoopbackPort.Free(), start, latest);

        builder.Configuration.AddInMemoryCollection(Configuration(settings));
        // The command line again, so the user's own settings (--urls, --Logging:…) win over the demo's.
        builder.Configuration.AddCommandLine([.. demo.HostArguments]);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<TimeProvider>(new ScaledTimeProvider(settings.TimeScale, settings.ClockStart));
        services.AddHostedService<DemoBroker>();
        services.AddSingleton<DemoAccounts>();
        services.AddHostedService<DemoAutopilot>();
        services.AddSingleton<DemoBanner>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoBanner>());
        services.AddSingleton<IStartupFilter, DemoBundlesView>();
        return builder;
    }

    private static Dictionary<string, string?> Configuration(DemoSettings settings)
    {
        var scale = settings.TimeScale;
        var telemetryPeriod = TimeSpan.FromSeconds(1 / DemoChairs.TelemetryHz(scale));

        // Timers run on the scaled clock: keep the link's checks and liveness about a real second or two.
        var offlineAfter = Max(TimeSpan.FromSeconds(10), telemetryPeriod * 3, TimeSpan.FromSeconds(2 * scale));
        return new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5080",
            ["Storage:DatabasePath"] = settings.DatabasePath,
            ["Fhir:Delivery:BaseUrl"] = "", // no EHR: Bundles are kept in the outbox and shown at /demo/bundles
            ["Controllers:Mqtt:Host"] = "127.0.0.1",
            ["Controllers:Mqtt:Port"] = settings.BrokerPort.ToString(CultureInfo.InvariantCulture),
            ["Controllers:Mqtt:Site"] = DemoSettings.Site,
            ["Controllers:Mqtt:ClientId"] = "infusionsuite-demo",
            ["Controllers:Mqtt:ConnectionCheckInterval"] = Min(TimeSpan.FromSeconds(scale), TimeSpan.FromMinutes(1)).ToString("c"),
            ["Controllers:Liveness:OfflineAfter"] = Min(offlineAfter, TimeSpan.FromHours(1)).ToString("c"),
        };
    }

    private static TimeSpan Max(params TimeSpan[] spans) => spans.Max();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
