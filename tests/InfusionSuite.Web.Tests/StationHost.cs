using System.Net.Http.Headers;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// The real host (Program) with the nurse station on a test clock and a real SQLite file; three users
/// (nurse, engineer, admin) with API tokens. <see cref="StartKestrelAsync"/> serves over real Kestrel for a browser.
/// Disposing it fails the test when anything logged an error the test did not declare with <see cref="ExpectErrors"/>.
/// </summary>
internal sealed class StationHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly bool _kestrel;
    private readonly HostErrorWatch _errors;

    private StationHost(WebApplicationFactory<Program> factory, bool kestrel, HostErrorWatch errors)
    {
        _factory = factory;
        _kestrel = kestrel;
        _errors = errors;
    }

    public IServiceProvider Services => _factory.Services;

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public Dictionary<string, StaffAccount> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public static Task<StationHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock) =>
        StartAsync(settings, clock, kestrel: false);

    /// <summary>A host whose sign-in lockouts run on the real clock, as shipped (the others' run on <paramref name="clock"/>, to step through a lockout).</summary>
    public static Task<StationHost> StartWithRealSignInClockAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock) =>
        StartAsync(settings, clock, kestrel: false, realSignInClock: true);

    /// <summary>The host with some services replaced (e.g. a hand-written EHR look-up).</summary>
    public static Task<StationHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, Action<IServiceCollection> replace) =>
        StartAsync(settings, clock, kestrel: false, replace: replace);

    public static Task<StationHost> StartKestrelAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, int port = 0, bool restart = false) =>
        StartAsync(settings, clock, kestrel: true, restart, port);

    /// <summary>The host again on a database an earlier host left: the same three users, with new tokens.</summary>
    public static Task<StationHost> RestartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock) =>
        StartAsync(settings, clock, kestrel: false, restart: true, port: 0);

    /// <summary>The host again on a database an earlier host left, with some services replaced, returned before its writer has rebuilt the open sessions (as a screen meets a host just restarted).</summary>
    public static Task<StationHost> RestartBeforeTheWriterAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, Action<IServiceCollection> replace) =>
        StartAsync(settings, clock, kestrel: false, restart: true, replace: replace, waitForWriter: false);

    public static Dictionary<string, string?> Settings(string databasePath) => new()
    {
        ["Storage:DatabasePath"] = databasePath,
        ["Logging:LogLevel:Default"] = "Warning",
        ["NurseStation:Chairs:CHAIR-01"] = "Chair 1 (window)",
        // The tests' hosts sign in from one in-process client many times a minute; SignInLimitTests keep the shipped limit.
        ["NurseStation:SignInAttemptsPerMinute"] = "1000",
    };

    public HttpClient Client(string? user, bool redirects = false)
    {
        var client = _kestrel
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = redirects }) { BaseAddress = BaseAddress }
            : _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects, HandleCookies = true });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[user]);
        }

        return client;
    }

    public async Task<StaffAccount> AddUserAsync(string name, StaffRole role, string display)
    {
        var service = Services.GetRequiredService<StaffAccountService>();
        var (account, problem) = await service.AddAsync(name, display, role, Password, null, "test", CancellationToken.None);
        Assert.True(account is not null, problem);
        Users[name] = account;
        Tokens[name] = (await service.IssueTokenAsync(name, "test", CancellationToken.None))!;
        return account;
    }

    /// <summary>Declares errors this test provokes on purpose (category, message, exception type or exception message containing <paramref name="fragment"/>).</summary>
    public void ExpectErrors(string fragment) => _errors.ExpectErrors(fragment);

    public async ValueTask DisposeAsync()
    {
        using (_errors)
        {
            await _factory.DisposeAsync();
            _errors.ThrowIfUnexpected();
        }
    }

    private static async Task<StationHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, TimeProvider clock, bool kestrel, bool restart = false, int port = 0,
        Action<IServiceCollection>? replace = null, bool realSignInClock = false, bool waitForWriter = true)
    {
        var errors = new HostErrorWatch();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);
                if (!realSignInClock)
                {
                    services.AddSingleton(new SignInClock(clock));
                }

                errors.AddTo(services);
                replace?.Invoke(services);
            });
        });
        if (kestrel)
        {
            // An explicit free port: UseKestrel(0) leaves the host's own command line without an address, so Kestrel took its default 5000.
            var listen = port == 0 ? FreePort.Next() : port;
            factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, listen));

            factory.StartServer();
        }

        var host = new StationHost(factory, kestrel, errors);
        var state = host.Services.GetRequiredService<IngestState>();
        if (waitForWriter)
        {
            await Eventually.HoldsAsync(() => state.IsRunning, TimeSpan.FromSeconds(30), "the ingest writer to start");
        }

        if (restart)
        {
            var service = host.Services.GetRequiredService<StaffAccountService>();
            foreach (var name in new[] { "alice", "eve", "ada" })
            {
                host.Tokens[name] = (await service.IssueTokenAsync(name, "test", CancellationToken.None))!;
            }

            return host;
        }

        await host.AddUserAsync("alice", StaffRole.Nurse, "Alice Nurse");
        await host.AddUserAsync("eve", StaffRole.Engineer, "Eve Engineer");
        await host.AddUserAsync("ada", StaffRole.Admin, "Ada Admin");
        return host;
    }
}
