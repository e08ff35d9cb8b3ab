using System.Globalization;
using System.Net;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The built host behind a TLS-terminating proxy, as an operator runs it: forwarded headers count
/// only from the proxies the site lists, HTTPS as the proxy says gets HSTS, and a <c>Host</c> the
/// site did not list is refused.
/// </summary>
public sealed class ReverseProxyTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("infusionsuite-proxy-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task FromTheListedProxy_ForwardedHttpsGetsHsts_AndAnUnlistedHostIsRefused()
    {
        var port = FreePort.Next();
        var run = await StartAsync(port, "--ReverseProxy:KnownProxies:0=127.0.0.1", "--AllowedHosts=station.example");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            using var viaProxy = await client.SendAsync(Live("station.example", forwardedProto: "https"));
            Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
            Assert.True(viaProxy.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "HTTPS as the listed proxy says gets HSTS");
            Assert.Contains("max-age=31536000", Assert.Single(hsts), StringComparison.Ordinal);

            using var plain = await client.SendAsync(Live("station.example"));
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "plain HTTP gets no HSTS");

            using var otherHost = await client.SendAsync(Live("evil.example", forwardedProto: "https"));
            Assert.Equal(HttpStatusCode.BadRequest, otherHost.StatusCode);
        }
        finally
        {
            await run.StopAsync();
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task FromAClientThatIsNoListedProxy_ForwardedHeadersAreIgnored()
    {
        var port = FreePort.Next();
        var run = await StartAsync(port, "--ReverseProxy:KnownProxies:0=10.9.8.7");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            using var spoofed = await client.SendAsync(Live("station.example", forwardedProto: "https"));

            Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
            Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"), "a client that is no listed proxy cannot claim HTTPS");
        }
        finally
        {
            await run.StopAsync();
        }
    }

    private async Task<HostRun> StartAsync(int port, params string[] settings)
    {
        var run = await HostRun.StartAsync(_data, [
            "--Storage:DatabasePath=" + Path.Combine(_data, "infusionsuite.db"),
            "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            .. settings]);
        await run.WaitForOutputAsync("Application started");
        return run;
    }

    private static HttpRequestMessage Live(string host, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = host;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return request;
    }
}
