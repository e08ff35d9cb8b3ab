namespace InfusionSuite.Web.Accounts;

internal enum SignInStatus
{
    SignedIn,

    /// <summary>Unknown user, wrong password or disabled account: the same answer for all three.</summary>
    Refused,

    /// <summary>Too many failures in a row; refused until the lockout ends, even with the right password.</summary>
    LockedOut,
}
