namespace InfusionSuite.Application.Tests;

/// <summary>Every wait has a limit. The writer's clock is fake: waits poll a condition, they never sleep for the writer.</summary>
internal static class Timeouts
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static CancellationToken Token() => new CancellationTokenSource(Limit).Token;

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("Timed out waiting for " + what + ".");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, CancellationToken.None);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("Timed out waiting for " + what + ".");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, CancellationToken.None);
        }
    }
}
