using System.Diagnostics;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// A backup of the PostgreSQL database by PostgreSQL's own tool: <c>pg_dump --format=custom</c> (one
/// consistent snapshot while workers keep writing; restore with <c>pg_restore</c>). Needs pg_dump of the
/// server's major version or newer on the PATH (Debian: postgresql-client) or under /usr/lib/postgresql.
/// The password, if any, goes to pg_dump through its environment, never its arguments.
/// </summary>
public static class PostgreSqlBackup
{
    /// <summary>The database in words (server and name, no password), for the command's output.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
    }

    /// <summary>Writes the archive to <paramref name="target"/> (which must not exist); throws <see cref="IOException"/> naming what went wrong.</summary>
    public static async Task WriteAsync(string connectionString, string target, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgDump())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--format=custom", "--no-password", "--file=" + target,
            "--host=" + builder.Host, "--port=" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username=" + (builder.Username ?? Environment.UserName), "--dbname=" + builder.Database,
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start) ?? throw new IOException("pg_dump could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new IOException($"pg_dump failed ({process.ExitCode}): {(await error).ReplaceLineEndings(" ").Trim()}");
        }
    }

    private static string PgDump()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "pg_dump"))
            .FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return debian ?? onPath
            ?? throw new IOException("backup on PostgreSQL runs pg_dump, which is not installed (Debian: apt-get install postgresql-client).");
    }
}
