namespace InfusionSuite.Storage.Schema;

/// <summary>Failed sign-ins of one account from one client address, and that client's lockout for the account.</summary>
public sealed class SignInFailureRow
{
    public int FailureKey { get; set; }

    public int UserKey { get; set; }

    /// <summary>The client's address as the server sees it (after trusted forwarded headers).</summary>
    public required string Client { get; set; }

    /// <summary>Failures in a row since the last success or lockout.</summary>
    public int Failed { get; set; }

    /// <summary>The client may not sign in as this account until then; null when not locked.</summary>
    public long? LockedUntilMs { get; set; }
}
