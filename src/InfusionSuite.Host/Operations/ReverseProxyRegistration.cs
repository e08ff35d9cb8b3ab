using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Operations;

/// <summary>Forwarded headers from the configured proxies only, and HSTS (see <see cref="ReverseProxyOptions"/>).</summary>
public static class ReverseProxyRegistration
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            // The framework trusts loopback by default; here only what the site lists.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                if (IPAddress.TryParse(address, out var ip))
                {
                    forwarded.KnownProxies.Add(ip);
                }
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var range))
                {
                    forwarded.KnownIPNetworks.Add(range);
                }
            }

            var trusted = forwarded.KnownProxies.Count + forwarded.KnownIPNetworks.Count > 0;
            forwarded.ForwardedHeaders = trusted ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            forwarded.ForwardLimit = 1;
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false;
        });
        return builder;
    }

    /// <summary>First in the pipeline: the request's scheme and client address as the trusted proxy says, then HSTS on HTTPS.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Hsts)
        {
            app.UseHsts();
        }

        return app;
    }
}
