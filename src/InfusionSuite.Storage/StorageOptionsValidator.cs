using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage;

/// <summary>
/// <c>Storage:Provider</c> is a known engine, and the setting that engine needs is given:
/// <c>Storage:DatabasePath</c> for Sqlite, a parseable <c>Storage:ConnectionString</c> naming a database for PostgreSql.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StorageProvider.Sqlite when string.IsNullOrWhiteSpace(options.DatabasePath) =>
                ValidateOptionsResult.Fail("Storage:DatabasePath is required (the SQLite database file) when Storage:Provider is Sqlite."),
            StorageProvider.Sqlite => ValidateOptionsResult.Success,
            StorageProvider.PostgreSql => PostgreSql.PostgreSqlConnections.Problem(options.ConnectionString) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success,
            _ => ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' is not an engine: use Sqlite or PostgreSql."),
        };
    }
}
