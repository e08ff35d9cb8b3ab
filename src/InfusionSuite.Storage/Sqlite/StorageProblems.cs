using InfusionSuite.Application.Ports;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>One line for the operator for each way the database file cannot be used; it names the file.</summary>
internal static class StorageProblems
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static string ReadOnly(string path) =>
        $"Storage: the database {path} is read-only (the file or its folder is not writable by this user); make both writable by the service, or set Storage:DatabasePath to a writable place.";

    public static string ReadOnlyFolder(string path) =>
        $"Storage: the folder {Path.GetDirectoryName(path)} of the database {path} is read-only (not writable by this user); the service must create files there.";

    public static string Corrupt(string path, string detail) =>
        $"Storage: the database {path} is corrupt ({FirstLine(detail)}); restore it from a backup (docs/operations.md).";

    public static string Full(string path) =>
        $"Storage: the disk holding the database {path} is full; free space and start again.";

    public static string HeldByAnotherProcess(string path) =>
        $"Storage: another process is migrating the database {path} (it holds {MigrationGate.PathFor(path)}); stopped waiting for it. Stop the other InfusionSuite process (a second service or a command) and start again.";

    public static string Busy(string path) =>
        $"Storage: the database {path} is locked by another process; stop the other process and start again.";

    public static string CannotOpen(string path) =>
        $"Storage: cannot open the database {path}; check that its folder exists and that the file and the folder are readable and writable by the service.";

    /// <summary>The operator's line for a failure while opening the database, or null for a failure that is not one of these.</summary>
    public static string? Describe(Exception exception, string path) => exception switch
    {
        StorageUnavailableException => null,
        TimeoutException => HeldByAnotherProcess(path),
        UnauthorizedAccessException => ReadOnlyFolder(path),
        IOException io when MigrationGate.IsReadOnlyFileSystem(io) => ReadOnlyFolder(path),
        SqliteException { SqliteErrorCode: SqliteReadOnly } => ReadOnly(path),
        SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase } e => Corrupt(path, e.Message),
        SqliteException { SqliteErrorCode: SqliteFull } => Full(path),
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => Busy(path),
        SqliteException { SqliteErrorCode: SqliteCantOpen } => CannotOpen(path),
        _ => null,
    };

    private static string FirstLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
