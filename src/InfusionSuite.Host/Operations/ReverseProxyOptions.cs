namespace InfusionSuite.Host.Operations;

/// <summary>
/// The service behind a TLS-terminating reverse proxy (<c>ReverseProxy</c>). Only requests from the
/// proxies listed here may say, in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, who the client
/// is and that it came over HTTPS; from anyone else these headers are ignored. A request taken as
/// HTTPS gets <c>Secure</c> sign-in cookies and an HSTS header. The <c>Host</c> header is never taken
/// from a forwarded header; list the names the station is reached by in <c>AllowedHosts</c>
/// (e.g. <c>station.hospital.example</c>) so any other <c>Host</c> is refused with 400.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>IP addresses of the proxies whose forwarded headers are trusted (e.g. <c>10.0.4.12</c>). None: forwarded headers are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (e.g. <c>10.0.4.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Send <c>Strict-Transport-Security</c> (one year) on HTTPS responses outside Development (default on; never for localhost).</summary>
    public bool Hsts { get; set; } = true;
}
