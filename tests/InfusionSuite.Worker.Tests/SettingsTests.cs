using InfusionSuite.Testing;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Worker.Tests;

/// <summary>A bad setting stops the host at start with a message naming it.</summary>
public sealed class SettingsTests
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Storage:DatabasePath", "", "Storage:DatabasePath" },
        { "Sessions:Presets:0:Name", "Too short", "Sessions" },
        { "Billing:SiteTimeZone", "Mars/Olympus_Mons", "Billing:SiteTimeZone" },
        { "Ingest:BatchMaxItems", "0", "BatchMaxItems" },
        { "Controllers:Liveness:OfflineAfter", "00:00:00", "OfflineAfter" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_StopsTheHostNamingIt(string key, string? value, string named)
    {
        using var db = new TempDatabase();
        var settings = Settings.For(db.Path);
        settings[key] = value;
        if (key.StartsWith("Sessions:Presets", StringComparison.Ordinal))
        {
            settings["Sessions:Presets:0:PreCoolingMinutes"] = "5";
            settings["Sessions:Presets:0:PostCoolingMinutes"] = "90";
        }

        await using var factory = WorkerHost.Factory(settings, TimeProvider.System);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => factory.Services));
        var validation = FindValidation(failure);
        Assert.True(validation is not null, "not an options failure: " + failure);
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    /// <summary>The options failure wherever the host's start wrapped it (inner or aggregated, at any depth).</summary>
    private static OptionsValidationException? FindValidation(Exception failure) => failure switch
    {
        OptionsValidationException validation => validation,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindValidation).FirstOrDefault(v => v is not null),
        { InnerException: { } inner } => FindValidation(inner),
        _ => null,
    };
}
