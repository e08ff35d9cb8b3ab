using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InfusionSuite.Demo;

/// <summary>Once the host listens, prints where to look, who to sign in as and how the clock runs.</summary>
internal sealed class DemoBanner(DemoSettings settings, IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration) : IHostedService
{
    private CancellationTokenRegistration _started;

    /// <summary>The address a person opens (a wildcard host is shown as localhost).</summary>
    public string? Url { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        return Task.CompletedTask;
    }

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        Url = address.Replace("//0.0.0.0:", "//localhost:", StringComparison.Ordinal)
            .Replace("//[::]:", "//localhost:", StringComparison.Ordinal)
            .Replace("//+:", "//localhost:", StringComparison.Ordinal)
            .Replace("//*:", "//localhost:", StringComparison.Ordinal)
            .TrimEnd('/') + "/";
        var sessionMinutes = 207.5 / settings.TimeScale;
        var ehr = configuration["Fhir:Delivery:BaseUrl"] is { Length: > 0 } ehrUrl
            ? $"(the Bundles; each is also sent to the EHR at {ehrUrl}, shape {configuration["Fhir:Delivery:Shape"] ?? "Transaction"}, once the EHR holds "
                + "its patient, visit, order and nurse: the demo's are made up, so at an EHR that does not have them each session is held for staff, as its page says)"
            : "(the Bundles the EHR would get; no EHR is called: --Fhir:Delivery:BaseUrl=… sends them)";
        var lines = new List<string>
        {
            "",
            $"InfusionSuite demo: six simulated chairs run by a demo nurse, an embedded MQTT broker, SQLite, {(configuration["Fhir:Delivery:BaseUrl"] is { Length: > 0 } ? "an EHR over FHIR" : "no EHR")}.",
            $"  Open        {Url}",
            $"  Health      {Url}health/ready",
            $"  FHIR        {Url}{DemoBundlesView.Path.TrimStart('/')} {ehr}",
            $"  Clock       {settings.TimeScale.ToString("0.##", CultureInfo.InvariantCulture)}x: a 3.5-hour session takes about {sessionMinutes.ToString("0.#", CultureInfo.InvariantCulture)} minutes (--time-scale)",
            $"  Data        {settings.DataFolder} (--data; delete it to start afresh)",
            $"  Broker      mqtt://127.0.0.1:{settings.BrokerPort.ToString(CultureInfo.InvariantCulture)} (watch the chairs: mosquitto_sub -h 127.0.0.1 -p {settings.BrokerPort.ToString(CultureInfo.InvariantCulture)} -i watcher -t 'ccp/#' -v)",
        };
        var free = DemoChairs.Free(settings.FreeChairs);
        lines.Add(free.Count == 0
            ? $"  Free chairs none: the demo nurse runs every chair (--{DemoSettings.FreeChairsKey}=2 leaves two for you)"
            : $"  Free chairs {string.Join(", ", free.Select(c => c.ControllerId))}: yours: their controllers pre-chill until you start a session, then follow what you record (--{DemoSettings.FreeChairsKey}=0 turns this off)");
        if (settings.ContinuesFrom is { } from)
        {
            lines.Add($"  Continuing  from the data of an earlier run (latest {from.UtcDateTime:yyyy-MM-dd HH:mm} UTC simulated)");
        }

        foreach (var account in DemoAccounts.SignIns)
        {
            lines.Add($"  Sign in     {account.Role,-9} {account.UserName} / {account.Password}");
        }

        lines.Add("  Ctrl-C stops; the next run continues from the same data.");
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
