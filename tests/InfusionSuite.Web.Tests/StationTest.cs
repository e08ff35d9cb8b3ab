using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Web.Tests;

/// <summary>A test with its own host (nurse, engineer and admin signed up) on a fake clock at 09:00 and a fresh SQLite file.</summary>
public abstract class StationTest : IAsyncLifetime
{
    protected static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    protected TempDatabase Db { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(Nine);

    internal StationHost Host { get; private protected set; } = null!;

    public virtual async Task InitializeAsync() => Host = await StationHost.StartAsync(StationHost.Settings(Db.Path), Clock);

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Db.Dispose();
    }
}
