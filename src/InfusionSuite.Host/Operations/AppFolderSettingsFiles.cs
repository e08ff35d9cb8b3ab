using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// When the working directory has no <c>appsettings.json</c> (<c>dotnet run</c> from the clone, a service
/// started elsewhere), the settings files are read from the application's folder instead, at the same
/// place in the configuration order (environment variables and the command line still win).
/// </summary>
internal static class AppFolderSettingsFiles
{
    public static void UseWhenMissing(IHostApplicationBuilder builder)
    {
        var appFolder = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) || !File.Exists(Path.Combine(appFolder, "appsettings.json")))
        {
            return;
        }

        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var files = new PhysicalFileProvider(appFolder);
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings", StringComparison.Ordinal))
            {
                sources[i] = new JsonConfigurationSource { Path = path, Optional = json.Optional, ReloadOnChange = false, FileProvider = files };
            }
        }
    }
}
