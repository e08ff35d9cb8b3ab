using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InfusionSuite.Application.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// Accounts and sign-in: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>,
/// lockout after <see cref="NurseStationOptions.MaxFailedSignIns"/> failures on the host's clock, and API
/// tokens (32 random bytes, shown once, stored as their SHA-256). Never logs a password, token or name.
/// </summary>
internal sealed class StaffAccountService(IStaffAccounts accounts, IOptions<NurseStationOptions> options, TimeProvider timeProvider, SignInClock signInClock)
{
    public const int MinimumPasswordLength = 10;
    private const string TokenPrefix = "isk_";
    private static readonly PasswordHasher<StaffAccount> Hasher = new();
    private static readonly StaffAccount Decoy = new("-", "-", "-", StaffRole.Nurse, string.Empty, 0, null, true);

    /// <summary>A hash verified for unknown users, so that an unknown name takes as long as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Decoy, "decoy password, never valid"));

    private readonly UnknownNameFailures _unknownNames = new();

    /// <summary>
    /// Every problem with a new account's fields at once, keyed by form field (<c>userName</c>, <c>displayName</c>,
    /// <c>password</c>); empty when they are acceptable. The one rule for the admin's form, the API and the command line.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NewAccountProblems(string? userName, string? displayName, string? password)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length > 64 || userName.Trim().Any(char.IsWhiteSpace))
        {
            problems["userName"] = "The user name is required: up to 64 characters, no spaces.";
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            problems["displayName"] = "The display name is required.";
        }

        if (PasswordProblem(password) is { } problem)
        {
            problems["password"] = problem;
        }

        return problems;
    }

    /// <summary>What is wrong with a new password (fewer than <see cref="MinimumPasswordLength"/> characters); null when none.</summary>
    public static string? PasswordProblem(string? password) =>
        (password ?? string.Empty).Length < MinimumPasswordLength ? $"The password needs at least {MinimumPasswordLength} characters." : null;

    public async Task<(StaffAccount? Account, string? Problem)> AddAsync(
        string userName, string displayName, StaffRole role, string password, string? practitionerId, string actor, CancellationToken cancellationToken)
    {
        if (NewAccountProblems(userName, displayName, password) is { Count: > 0 } problems)
        {
            return (null, problems.Values.First());
        }

        var now = timeProvider.GetUtcNow();
        var account = new StaffAccount(
            "u-" + Guid.CreateVersion7(now).ToString("N"), userName.Trim().ToLowerInvariant(), displayName.Trim(), role, string.Empty, 0, null, false,
            string.IsNullOrWhiteSpace(practitionerId) ? null : practitionerId.Trim());
        account = account with { PasswordHash = Hasher.HashPassword(account, password) };
        var audit = new StaffAuditEntry(now, actor, "user-added", account.UserName, "role " + StaffClaims.RoleName(role));
        return await accounts.AddAsync(account, audit, cancellationToken)
            ? (account, null)
            : (null, "That user name is taken.");
    }

    public Task<bool> SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken cancellationToken) =>
        accounts.SetDisabledAsync(
            userName, disabled, new StaffAuditEntry(timeProvider.GetUtcNow(), actor, disabled ? "user-disabled" : "user-enabled", userName.Trim().ToLowerInvariant(),
                disabled ? "tokens revoked" : string.Empty),
            cancellationToken);

    /// <summary>Ends a lockout at once (an admin's decision); false when the user is unknown. Audited.</summary>
    public async Task<bool> UnlockAsync(string userName, string actor, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByNameAsync(userName, cancellationToken);
        if (account is null)
        {
            return false;
        }

        await accounts.RecordSignInStateAsync(
            account.UserId, 0, null, new StaffAuditEntry(timeProvider.GetUtcNow(), actor, "user-unlocked", account.UserName, string.Empty), cancellationToken);
        return true;
    }

    /// <summary>
    /// Sets a new password chosen by an admin (at least <see cref="MinimumPasswordLength"/> characters): every browser
    /// sign-in of the user ends, every API token is revoked, and every lockout ends. Returns the problem, or null when done. Audited, never the password.
    /// </summary>
    public async Task<string?> ResetPasswordAsync(string userName, string password, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        var account = await accounts.FindByNameAsync(userName, cancellationToken);
        if (account is null)
        {
            return "No such user.";
        }

        // "Signed out everywhere" includes the API tokens: a token taken with the old password must not outlive it. Revoked
        // first, so a reset that fails half-way leaves no token of the old password behind.
        var now = timeProvider.GetUtcNow();
        if (await accounts.RevokeTokensAsync(account.UserName, new StaffAuditEntry(now, actor, "tokens-revoked", account.UserName, "password reset"), cancellationToken) is null)
        {
            return "No such user.";
        }

        var audit = new StaffAuditEntry(now, actor, "password-reset", account.UserName, "signed out everywhere, API tokens revoked");
        return await accounts.SetPasswordAsync(account.UserName, Hasher.HashPassword(account, password), audit, cancellationToken) ? null : "No such user.";
    }

    /// <summary>Revokes every API token of the user; how many, or null when the user is unknown. Audited.</summary>
    public Task<int?> RevokeTokensAsync(string userName, string actor, CancellationToken cancellationToken) =>
        accounts.RevokeTokensAsync(userName, new StaffAuditEntry(timeProvider.GetUtcNow(), actor, "tokens-revoked", userName.Trim().ToLowerInvariant(), string.Empty), cancellationToken);

    /// <summary>Issues a new API token for the user; the token is returned once and only its hash is kept. Null when the user is unknown or disabled.</summary>
    public async Task<string?> IssueTokenAsync(string userName, string actor, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByNameAsync(userName, cancellationToken);
        if (account is null || account.Disabled)
        {
            return null;
        }

        var token = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = timeProvider.GetUtcNow();
        await accounts.AddTokenAsync(account.UserId, TokenHash(token), now, new StaffAuditEntry(now, actor, "token-issued", account.UserName, string.Empty), cancellationToken);
        return token;
    }

    public async Task<StaffAccount?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var account = await accounts.FindByTokenHashAsync(TokenHash(token), cancellationToken);
        return account is { Disabled: false } ? account : null;
    }

    /// <summary>Who locks a client out in the audit: the sign-in check itself, not the account's owner (who may not be the one guessing).</summary>
    public const string SignInActor = "sign-in check";

    /// <summary>
    /// Checks a sign-in from <paramref name="client"/> (the client's address). Failures are counted per
    /// account and client: the <see cref="NurseStationOptions.MaxFailedSignIns"/>-th in a row locks that
    /// client out of the account for <see cref="NurseStationOptions.LockoutDuration"/> (audited), so whoever
    /// guesses can lock only themselves out, never keep a nurse out from her own device; an admin's unlock
    /// ends every client's lockout. Unknown names are answered alike.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string client, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(userName) ? null : await accounts.FindByNameAsync(userName, cancellationToken);
        var now = signInClock.Now; // lockouts run on the real clock; the audit row on the record's
        var settings = options.Value;
        if (account is null)
        {
            // An unknown name costs the same hash check and locks after the same failures: the answers do not tell which names exist.
            Hasher.VerifyHashedPassword(Decoy, DecoyHash.Value, password ?? string.Empty);
            var name = (userName ?? string.Empty).Trim().ToLowerInvariant() + "\n" + client;
            return (_unknownNames.LockedUntil(name, now) ?? _unknownNames.Fail(name, now, settings.MaxFailedSignIns, settings.LockoutDuration)) is { } unknownUntil
                ? new SignInOutcome(SignInStatus.LockedOut, null, unknownUntil)
                : new SignInOutcome(SignInStatus.Refused, null);
        }

        if (await accounts.ClientLockedUntilAsync(account.UserId, client, now, cancellationToken) is { } until)
        {
            Hasher.VerifyHashedPassword(Decoy, DecoyHash.Value, password ?? string.Empty); // the same work as every other answer
            return new SignInOutcome(SignInStatus.LockedOut, null, until);
        }

        var verified = Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty) != PasswordVerificationResult.Failed;
        if (verified && !account.Disabled)
        {
            await accounts.ClearClientFailuresAsync(account.UserId, client, cancellationToken);
            return new SignInOutcome(SignInStatus.SignedIn, account);
        }

        var lockedUntil = now + settings.LockoutDuration;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{settings.MaxFailedSignIns} failed sign-ins from {client}; that client is locked out of the account for {settings.LockoutDuration.TotalMinutes:0.#} min (from this row's time)");
        return await accounts.RecordClientFailureAsync(
                account.UserId, client, settings.MaxFailedSignIns, lockedUntil, new StaffAuditEntry(timeProvider.GetUtcNow(), SignInActor, "locked-out", account.UserName, detail), cancellationToken)
            ? new SignInOutcome(SignInStatus.LockedOut, null, lockedUntil)
            : new SignInOutcome(SignInStatus.Refused, null);
    }

    /// <summary>True when <paramref name="client"/> is locked out of the account now: its API tokens follow the lock.</summary>
    public async Task<bool> IsLockedOutAsync(StaffAccount account, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await accounts.ClientLockedUntilAsync(account.UserId, client, signInClock.Now, cancellationToken) is not null;
    }

    internal static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
