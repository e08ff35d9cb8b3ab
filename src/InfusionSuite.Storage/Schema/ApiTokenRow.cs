namespace InfusionSuite.Storage.Schema;

/// <summary>An API token for a machine client, kept only as the SHA-256 hash of the token.</summary>
public sealed class ApiTokenRow
{
    public int TokenKey { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token; unique.</summary>
    public required string TokenHash { get; set; }

    public int UserKey { get; set; }

    public long CreatedAtMs { get; set; }

    /// <summary>Null while the token is valid.</summary>
    public long? RevokedAtMs { get; set; }
}
