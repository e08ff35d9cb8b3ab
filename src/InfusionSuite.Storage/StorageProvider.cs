namespace InfusionSuite.Storage;

/// <summary>Which database engine holds the record (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file beside the worker (<c>Storage:DatabasePath</c>): a single suite.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>Storage:ConnectionString</c>): a health system, several workers on one record.</summary>
    PostgreSql,
}
