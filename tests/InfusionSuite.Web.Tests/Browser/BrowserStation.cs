using InfusionSuite.Fhir.Tests;
using InfusionSuite.Simulator.Running;
using Microsoft.Playwright;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// One host for the browser tests: the worker with the nurse station on real Kestrel, a real SQLite
/// file, MQTTnet's embedded broker, the test FHIR server as the EHR, and one shared Chromium (Debian's,
/// at /usr/bin/chromium; a test fails when it is missing). The host runs on a <see cref="ScaledTimeProvider"/>
/// (×<see cref="Scale"/>) that the simulated chairs share, so a countdown visibly runs.
/// </summary>
public sealed class BrowserStation : IAsyncLifetime
{
    public const double Scale = 200;
    public const string Chromium = "/usr/bin/chromium";
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// How long a simulated controller waits for the in-process broker (connect, publish): longer than the simulator's
    /// 10 s, since Chromium, the host and the broker share the test machine's cores (a publish timed out at a load average of 18).
    /// </summary>
    public static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The site's zone: every time on the pages is written in it (UTC−5 in November).</summary>
    public const string SiteZone = "America/New_York";

    /// <summary>The three screens the station is used on: a tablet at the nurses' desk, a desktop, a phone.</summary>
    public static readonly IReadOnlyList<(string Name, ViewportSize Size)> Viewports =
    [
        ("tablet", new ViewportSize { Width = 1024, Height = 768 }),
        ("desktop", new ViewportSize { Width = 1366, Height = 768 }),
        ("phone", new ViewportSize { Width = 390, Height = 844 }),
    ];

    /// <summary>The three screens and the larger tablet a fresh-user trial used (1280×800), where a card's step stuck out of it.</summary>
    public static readonly IReadOnlyList<(string Name, ViewportSize Size)> ViewportsAndTheTrialsTablet =
        [.. Viewports, ("tablet 1280×800", new ViewportSize { Width = 1280, Height = 800 })];

    private readonly TempDatabase _db = new();
    private IPlaywright? _playwright;

    public ScaledTimeProvider Clock { get; } = new(Scale, Start);

    public FhirServerFixture Ehr { get; } = new();

    public EmbeddedMqttBroker Broker { get; private set; } = null!;

    internal StationHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"Chromium is needed for the browser tests and was not found at {Chromium}: run ./test.sh (it installs the Debian package).");
        }

        var ehr = Ehr.InitializeAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Broker = await EmbeddedMqttBroker.StartAsync(limit.Token);
        var settings = SuiteSettings(_db.Path);
        settings["Controllers:Mqtt:Host"] = Broker.Host;
        settings["Controllers:Mqtt:Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Controllers:Mqtt:ClientId"] = "nurse-station-browser-tests";
        settings["Controllers:Mqtt:KeepAlive"] = "00:10:00";
        settings["Controllers:Mqtt:ConnectionCheckInterval"] = "00:01:00";
        settings["Controllers:Liveness:OfflineAfter"] = "00:30:00";
        await ehr;
        settings["Fhir:Delivery:BaseUrl"] = Ehr.FhirBase.ToString();
        settings["Fhir:Mapping:Site"] = "browser-tests";
        settings["Fhir:Delivery:ValidateBeforeSending"] = "false";
        settings["Fhir:Delivery:AttemptTimeout"] = "01:00:00"; // on the scaled clock: 18 real seconds
        Host = await StationHost.StartKestrelAsync(settings, Clock);

        // Sessions the page tests start with made-up patients (not put at the test EHR first) are held for staff when they
        // end: their references are not at the EHR (issue 14), logged as a held item. Tests of delivery seed the chart.
        Host.ExpectErrors("held: references not at the EHR: parked for staff");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A host's settings for a suite of twelve chairs (CHAIR-01 to CHAIR-12) in the site's zone.</summary>
    internal static Dictionary<string, string?> SuiteSettings(string databasePath)
    {
        var settings = StationHost.Settings(databasePath);
        for (var n = 2; n <= 12; n++)
        {
            settings[FormattableString.Invariant($"NurseStation:Chairs:CHAIR-{n:00}")] = FormattableString.Invariant($"Chair {n}");
        }

        settings["Billing:SiteTimeZone"] = SiteZone;
        return settings;
    }

    /// <summary>A fresh browser context (own cookies) with bounded waits, a window of the given size (1280×900 unless told), and the host as base address.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, Uri? host = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (host ?? Host.BaseAddress).ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        await Ehr.DisposeAsync();
        _db.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserStation>
{
    public const string Name = "Browser";
}
