namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// The file <c>{database}.lock</c>, held exclusively (an OS lock the kernel releases when the process
/// ends, however it ends) while a process of this product migrates the database. Whoever holds it
/// knows no other such process is migrating, so a row left in EF Core's <c>__EFMigrationsLock</c> is
/// stale: its owner was killed mid-migration.
/// </summary>
internal sealed class MigrationGate : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private MigrationGate(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the gate, waiting at most <paramref name="limit"/> for another process to let it go.</summary>
    /// <exception cref="TimeoutException">Another process held it for longer than <paramref name="limit"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder does not let us create the file (read-only).</exception>
    public static async Task<MigrationGate> TakeAsync(string databasePath, TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return new MigrationGate(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                if (timeProvider.GetElapsedTime(started) >= limit)
                {
                    throw new TimeoutException($"{PathFor(databasePath)} is held by another process", e);
                }

                await Task.Delay(RetryDelay, timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>The lock is held: EWOULDBLOCK from flock on Unix, a sharing violation on Windows.</summary>
    private static bool IsHeldElsewhere(IOException e) => e.HResult is 11 or unchecked((int)0x80070020);

    /// <summary>EROFS: a file system mounted read-only.</summary>
    public static bool IsReadOnlyFileSystem(IOException e) => e.HResult == 30;

    public void Dispose() => _file.Dispose();
}
