using System.Globalization;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Demo;

/// <summary>What makes the worker a demo.</summary>
public static class DemoRegistration
{
    public const double DefaultTimeScale = 30;

    public const string DefaultDataFolder = "data";

    /// <summary>
    /// An embedded MQTT broker on loopback, six simulated chairs driven by a demo nurse and <c>Demo:FreeChairs</c>
    /// (default 2) whose controllers run for a person to document by hand, a scaled clock
    /// (<paramref name="timeScale"/>) as the host's <see cref="TimeProvider"/>, the database in
    /// <paramref name="dataFolder"/>, no EHR (the Bundles stay in the outbox, shown at <c>/demo/bundles</c>),
    /// and a banner with the URL. Call it before <c>AddInfusionSuite</c>: it sets the configuration the
    /// worker reads; the user's own <paramref name="settings"/> (<c>--urls</c>, <c>--Logging:…</c>) still win.
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, double timeScale, string dataFolder, IReadOnlyList<string> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Path.GetFullPath(dataFolder);
        var database = Path.Combine(folder, "infusionsuite.db");
        var given = new ConfigurationBuilder().AddCommandLine([.. settings]).Build();
        var freeChairs = FreeChairs(given[DemoSettings.FreeChairsKey]); // every bad setting is refused before the data folder is touched
        var brokerPort = DemoBrokerPort.Choose(folder, given[DemoBrokerPort.Key]); // kept in the folder only once the broker listens

        // The data folder is this demo's alone while it runs: a second demo (or host) on it stops here, in one line, before it writes
        // anything (issue 14's trial: a second demo aborted the running one's open sessions, then died on the port).
        var inUse = DatabaseInUseLock.Take(database);
        var (start, latest) = DemoClockOrigin.Choose(database, TimeProvider.System.GetUtcNow());
        var demo = new DemoSettings(timeScale, folder, database, brokerPort, start, latest, freeChairs);

        builder.Configuration.AddInMemoryCollection(Configuration(demo));
        builder.Configuration.AddCommandLine([.. settings]);

        var services = builder.Services;
        services.AddSingleton(demo);
        if (inUse is not null)
        {
            services.AddSingleton(_ => inUse); // released when the host is disposed (made by a factory: the container disposes it)
        }

        services.AddSingleton<TimeProvider>(new ScaledTimeProvider(demo.TimeScale, demo.ClockStart));
        services.AddSingleton(new IoTime(TimeProvider.System, demo.TimeScale)); // I/O waits stay real: the EHR answers in real seconds
        services.AddHostedService<DemoBroker>();
        services.AddSingleton<DemoAccounts>();
        services.AddSingleton<DemoHistory>();
        services.AddHostedService<DemoAutopilot>();
        services.AddSingleton<DemoBanner>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoBanner>());
        services.AddSingleton<IStartupFilter, DemoBundlesView>();
        return builder;
    }

    private static int FreeChairs(string? setting) =>
        setting is null ? DemoSettings.DefaultFreeChairs
        : int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= DemoSettings.MostFreeChairs ? n
        : throw new OptionsValidationException(DemoSettings.FreeChairsKey, typeof(DemoSettings), [$"{DemoSettings.FreeChairsKey} must be a whole number from 0 to {DemoSettings.MostFreeChairs} (got '{setting}')."]);

    private static Dictionary<string, string?> Configuration(DemoSettings settings)
    {
        var scale = settings.TimeScale;
        var telemetryPeriod = TimeSpan.FromSeconds(1 / DemoChairs.TelemetryHz(scale));

        // The scaled clock multiplies the network's delay too: a quarter of a real second is not clock skew.
        var clockSkewThreshold = Max(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(0.25 * scale));

        // Timers run on the scaled clock: keep the link's checks and liveness about a real second or two.
        var offlineAfter = Max(TimeSpan.FromSeconds(10), telemetryPeriod * 3, TimeSpan.FromSeconds(2 * scale));
        var configuration = new Dictionary<string, string?>
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
            ["Sessions:ClockSkewThreshold"] = clockSkewThreshold.ToString("c"),
            ["Sessions:ControllerClockLimit"] = Max(TimeSpan.FromHours(2), clockSkewThreshold * 1440).ToString("c"),
            // A chair a person brings (a simulator of their own) stays on the board about as long in real minutes as a real suite keeps it in hours.
            ["NurseStation:UnconfiguredChairKeptFor"] = Min(TimeSpan.FromHours(12) * scale, TimeSpan.FromDays(7)).ToString("c"),
        };
        foreach (var (chair, _) in DemoChairs.All(scale))
        {
            configuration["NurseStation:Chairs:" + chair.ControllerId] = $"Chair {chair.Index + 1}"; // one label style with the free chairs'
        }

        foreach (var chair in DemoChairs.Free(settings.FreeChairs))
        {
            configuration["NurseStation:Chairs:" + chair.ControllerId] = DemoChairs.FreeLabel(chair);
        }

        return configuration;
    }

    private static TimeSpan Max(params TimeSpan[] spans) => spans.Max();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
