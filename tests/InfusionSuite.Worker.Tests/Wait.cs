namespace InfusionSuite.Worker.Tests;

/// <summary>Polls a condition on the real clock, failing with what was awaited after a limit.</summary>
internal static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        using var deadline = new CancellationTokenSource(limit ?? Limit);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        using var deadline = new CancellationTokenSource(limit ?? Limit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }

    /// <summary>Polls until <paramref name="probe"/> gives a value, and returns it.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? limit = null)
        where T : class
    {
        T? found = null;
        await UntilAsync(async () => (found = await probe()) is not null, what, limit);
        return found!;
    }

    public static CancellationToken Token(TimeSpan? limit = null) => new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60)).Token;
}
