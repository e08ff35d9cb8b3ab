namespace InfusionSuite.Storage.Schema;

/// <summary>One browser sign-in, held on the server: the cookie carries only <see cref="Key"/>.</summary>
public sealed class SignInRow
{
    public int SignInKey { get; set; }

    /// <summary>The random key the sign-in cookie carries; unique.</summary>
    public required string Key { get; set; }

    public int UserKey { get; set; }

    /// <summary>The serialized authentication ticket (the user's id, name and role; no patient data).</summary>
    public required byte[] Ticket { get; set; }

    public long CreatedAtMs { get; set; }

    /// <summary>When the sign-in lapses unless renewed; null for no expiry.</summary>
    public long? ExpiresAtMs { get; set; }
}
