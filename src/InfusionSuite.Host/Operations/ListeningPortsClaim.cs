using System.Globalization;
using System.Net;
using System.Net.Sockets;
using InfusionSuite.Application.Hosting;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// The nurse station's listening ports (<c>urls</c>, <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Kestrel:Endpoints:*:Url</c>; Kestrel's
/// <c>http://localhost:5000</c> when none is set), each checked free before anything stored changes: a port another process listens on
/// (a running host or demo) stops this one with one line naming the address and the setting, never a bind failure's stack trace after
/// the workers have started. Port 0 (any free port) needs no check.
/// </summary>
internal sealed class ListeningPortsClaim(IConfiguration configuration) : IExclusiveClaim
{
    private const string KestrelDefault = "http://localhost:5000";

    public Task ClaimAsync(CancellationToken cancellationToken)
    {
        foreach (var url in Urls())
        {
            if (Endpoint(url) is { } endpoint && !IsFree(endpoint))
            {
                throw new ResourceInUseException(
                    $"The nurse station cannot listen on {url}: port {endpoint.Port.ToString(CultureInfo.InvariantCulture)} is in use by another process "
                    + "(another InfusionSuite or demo?); stop it, or choose another address with --urls (the setting 'urls').");
            }
        }

        return Task.CompletedTask;
    }

    private List<string> Urls()
    {
        var urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count > 0 ? urls : [KestrelDefault];
    }

    /// <summary>Where Kestrel will bind for <paramref name="url"/>; null when it picks a free port or the address cannot be read (Kestrel says why).</summary>
    private static IPEndPoint? Endpoint(string url)
    {
        // Kestrel's wildcards (http://*:80, http://+:80) are not URIs: read them as any address.
        var parsable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? IPAddress.Loopback  // localhost
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
            : IPAddress.Any; // a host name: Kestrel listens on every address
        return new IPEndPoint(address, uri.Port);
    }

    private static bool IsFree(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // not this check's to refuse (an address this machine does not have): Kestrel says it
        }
    }
}
