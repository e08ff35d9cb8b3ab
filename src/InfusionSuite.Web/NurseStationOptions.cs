using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Web;

/// <summary>Settings of the nurse station (section <c>NurseStation</c>), validated at start.</summary>
public sealed class NurseStationOptions
{
    public const string SectionName = "NurseStation";

    /// <summary>Chair labels by controller id (e.g. <c>CHAIR-01</c> → <c>Chair 1, window</c>); a controller without one shows its id.</summary>
    public Dictionary<string, string> Chairs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Failed sign-ins in a row from one client that lock that client out of the account.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Sign-in attempts one client address may make per minute; more are answered 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a client stays locked out of an account (on the host's clock).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity (sliding; on the real clock).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the live board is sent again to a screen, in real time, besides at once on every status change or prompt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan BoardRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most samples the temperature chart is given; longer sessions are averaged into this many points.</summary>
    [Range(50, 5000)]
    public int ChartPoints { get; set; } = 600;

    /// <summary>How long a chair that is not configured stays on the board with no open session after it was last known in use: its controller heard, or a session on it that was not voided (on the host's clock). Default 12 h: a chair used today stays through the suite's day; a voided phantom leaves at once.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan UnconfiguredChairKeptFor { get; set; } = TimeSpan.FromHours(12);

    public string ChairLabel(string controllerId) =>
        Chairs.TryGetValue(controllerId, out var label) && !string.IsNullOrWhiteSpace(label) ? label : controllerId;
}
