using System.Collections.Frozen;
using System.Security.Cryptography;

namespace InfusionSuite.Web.Pages;

/// <summary>The CSS and JavaScript modules, embedded in the assembly and served from <c>/static/{name}</c> with an ETag.</summary>
internal static class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(Load);

    public static void MapStaticAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.Value.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ETag = asset.ETag;
            return context.Request.Headers.IfNoneMatch == asset.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(asset.Content, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource[Prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            assets[name] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
