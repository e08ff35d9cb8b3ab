using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>One line for the operator for each way the PostgreSQL database cannot be used; it names the server and database, never the password.</summary>
internal static class PostgreSqlProblems
{
    public static string? Describe(Exception exception, string database) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => $"Storage: the {database} refused the credentials in Storage:ConnectionString (check the user and its password).",
        PostgresException { SqlState: "42501" } e => $"Storage: the user of Storage:ConnectionString may not change the {database} ({e.MessageText}); grant it the right or migrate as the owner.",
        PostgresException { SqlState: "53100" } => $"Storage: the disk of the {database} is full; free space and start again.",
        PostgresException e => $"Storage: the {database} refused the schema migration ({e.SqlState}: {e.MessageText}).",
        _ when new PostgreSqlOutages().OutageReason(exception) is not null =>
            $"Storage: cannot reach the {database}; check that the server runs and that Storage:ConnectionString names it.",
        _ => null,
    };
}
