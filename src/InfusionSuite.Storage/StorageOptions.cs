namespace InfusionSuite.Storage;

/// <summary>Which database holds the record: a SQLite file (<c>Storage:DatabasePath</c>) or a PostgreSQL server (<c>Storage:ConnectionString</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The engine: <c>Sqlite</c> (one suite, the default) or <c>PostgreSql</c> (a health system).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; its folder is created when missing. Required with the Sqlite provider.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// The PostgreSQL connection string (Npgsql keywords: <c>Host</c>, <c>Port</c>, <c>Database</c>, <c>Username</c>;
    /// keep <c>Password</c> out of the settings file: environment or a pgpass file). Required with the PostgreSql provider;
    /// the database is created when the user may, and migrated at start.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;
}
