using System.Collections.Concurrent;
using InfusionSuite.Application.Hosting;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// The file <c>{database}.in-use</c>, held exclusively (an OS lock the kernel releases when the process ends, however it ends)
/// by the one host or demo that serves a SQLite database, for as long as it runs. A second host or demo on the same database
/// (the same data folder) cannot take it and stops before it changes anything. Commands (users, backup, …) do not take it: they
/// may run beside the host. Within one process it is taken once and shared (a host's parts, a test's hosts).
/// </summary>
public sealed class DatabaseInUseLock : IDisposable
{
    private static readonly ConcurrentDictionary<string, Held> s_held = new(StringComparer.Ordinal);
    private static readonly Lock s_gate = new();

    private readonly string _path;
    private int _disposed;

    private DatabaseInUseLock(string path) => _path = path;

    public static string PathFor(string databasePath) => databasePath + ".in-use";

    /// <summary>Takes the lock of the database at <paramref name="databasePath"/>; null when its folder cannot be written (the database start says so).</summary>
    /// <exception cref="ResourceInUseException">Another process serves this database.</exception>
    public static DatabaseInUseLock? Take(string databasePath)
    {
        var path = PathFor(Path.GetFullPath(databasePath));
        lock (s_gate)
        {
            if (s_held.TryGetValue(path, out var held))
            {
                held.Count++;
                return new DatabaseInUseLock(path);
            }

            try
            {
                if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                s_held[path] = new Held(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                return new DatabaseInUseLock(path);
            }
            catch (IOException e) when (e.HResult is 11 or unchecked((int)0x80070020))
            {
                throw new ResourceInUseException(
                    $"Storage: the database {Path.GetFullPath(databasePath)} is in use by another running InfusionSuite (a service or a demo holds {path}); "
                    + "stop that one first, or give this one its own database (Storage:DatabasePath, or the demo's --data).",
                    e);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return null; // a folder this user cannot write: the database's own start names it, in one line
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        lock (s_gate)
        {
            if (s_held.TryGetValue(_path, out var held) && --held.Count == 0)
            {
                s_held.TryRemove(_path, out _);
                held.File.Dispose();
            }
        }
    }

    private sealed class Held(FileStream file)
    {
        public FileStream File { get; } = file;

        public int Count { get; set; } = 1;
    }
}
