using InfusionSuite.Application.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>Browser sign-ins held on the server (found while unexpired, renewed, ended by sign-out, purged once expired, ended with a disabled account), and lockouts per account and client.</summary>
public sealed class SignInSessionStorageTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Theory(Timeout = 60_000)]
    [BothEngines]
    public async Task SignIn_IsFoundUntilItExpiresOrEnds(StorageProvider provider)
    {
        await using var fixture = new StoreFixture(provider);
        await fixture.OpenAsync();
        var accounts = fixture.Services.GetRequiredService<IStaffAccounts>();
        await accounts.AddAsync(new StaffAccount("u-1", "alice", "Alice N", StaffRole.Nurse, "hash", 0, null, false, null), new StaffAuditEntry(Nine, "admin", "add", "alice", "nurse"), CancellationToken.None);
        var signIns = fixture.Services.GetRequiredService<ISignInSessions>();

        await signIns.AddAsync("k-1", "u-1", new byte[] { 1, 2, 3 }, Nine, Nine.AddHours(1), CancellationToken.None);
        await signIns.AddAsync("k-2", "u-1", new byte[] { 9 }, Nine, Nine.AddMinutes(10), CancellationToken.None);
        Assert.Equal([1, 2, 3], await signIns.FindAsync("k-1", Nine.AddMinutes(59), CancellationToken.None));
        Assert.Null(await signIns.FindAsync("k-1", Nine.AddHours(1), CancellationToken.None));

        await signIns.RenewAsync("k-1", new byte[] { 4 }, Nine.AddHours(2), CancellationToken.None);
        Assert.Equal([4], await signIns.FindAsync("k-1", Nine.AddHours(1), CancellationToken.None));
        Assert.Equal(1, await signIns.PurgeExpiredAsync(Nine.AddMinutes(30), CancellationToken.None)); // k-2 only

        await signIns.RemoveAsync("k-1", CancellationToken.None);
        Assert.Null(await signIns.FindAsync("k-1", Nine, CancellationToken.None));
        await signIns.RenewAsync("k-1", new byte[] { 5 }, null, CancellationToken.None); // an ended sign-in is not brought back
        Assert.Null(await signIns.FindAsync("k-1", Nine, CancellationToken.None));
    }

    [Theory(Timeout = 60_000)]
    [BothEngines]
    public async Task DisabledAccount_LosesEverySignIn(StorageProvider provider)
    {
        await using var fixture = new StoreFixture(provider);
        await fixture.OpenAsync();
        var accounts = fixture.Services.GetRequiredService<IStaffAccounts>();
        await accounts.AddAsync(new StaffAccount("u-1", "alice", "Alice N", StaffRole.Nurse, "hash", 0, null, false, null), new StaffAuditEntry(Nine, "admin", "add", "alice", "nurse"), CancellationToken.None);
        await accounts.AddAsync(new StaffAccount("u-2", "bob", "Bob N", StaffRole.Nurse, "hash", 0, null, false, null), new StaffAuditEntry(Nine, "admin", "add", "bob", "nurse"), CancellationToken.None);
        var signIns = fixture.Services.GetRequiredService<ISignInSessions>();
        await signIns.AddAsync("a-1", "u-1", new byte[] { 1 }, Nine, null, CancellationToken.None);
        await signIns.AddAsync("a-2", "u-1", new byte[] { 2 }, Nine, null, CancellationToken.None);
        await signIns.AddAsync("b-1", "u-2", new byte[] { 3 }, Nine, null, CancellationToken.None);

        await accounts.SetDisabledAsync("alice", true, new StaffAuditEntry(Nine, "admin", "disable", "alice", "disabled"), CancellationToken.None);

        Assert.Null(await signIns.FindAsync("a-1", Nine, CancellationToken.None));
        Assert.Null(await signIns.FindAsync("a-2", Nine, CancellationToken.None));
        Assert.NotNull(await signIns.FindAsync("b-1", Nine, CancellationToken.None));
    }

    [Theory(Timeout = 60_000)]
    [BothEngines]
    public async Task FailuresLockOutOnlyTheClientThatMadeThem_ASuccessStartsTheCountAgain_UnlockEndsEveryLockout(StorageProvider provider)
    {
        await using var fixture = new StoreFixture(provider);
        await fixture.OpenAsync();
        var accounts = fixture.Services.GetRequiredService<IStaffAccounts>();
        await accounts.AddAsync(new StaffAccount("u-1", "alice", "Alice N", StaffRole.Nurse, "hash", 0, null, false, null), new StaffAuditEntry(Nine, "admin", "add", "alice", "nurse"), CancellationToken.None);
        var until = Nine.AddMinutes(15);
        var audit = new StaffAuditEntry(Nine, "u-1", "locked-out", "alice", "3 failed sign-ins from 10.0.0.66");

        Assert.False(await accounts.RecordClientFailureAsync("u-1", "10.0.0.66", 3, until, audit, CancellationToken.None));
        Assert.False(await accounts.RecordClientFailureAsync("u-1", "10.0.0.7", 3, until, audit, CancellationToken.None));
        await accounts.ClearClientFailuresAsync("u-1", "10.0.0.7", CancellationToken.None);
        Assert.False(await accounts.RecordClientFailureAsync("u-1", "10.0.0.66", 3, until, audit, CancellationToken.None));
        Assert.False(await accounts.RecordClientFailureAsync("u-1", "10.0.0.7", 3, until, audit, CancellationToken.None));
        Assert.True(await accounts.RecordClientFailureAsync("u-1", "10.0.0.66", 3, until, audit, CancellationToken.None));

        Assert.Equal(until, await accounts.ClientLockedUntilAsync("u-1", "10.0.0.66", Nine, CancellationToken.None));
        Assert.Null(await accounts.ClientLockedUntilAsync("u-1", "10.0.0.7", Nine, CancellationToken.None));
        Assert.Null(await accounts.ClientLockedUntilAsync("u-1", "10.0.0.66", until, CancellationToken.None));
        Assert.Equal(until, (await accounts.FindByIdAsync("u-1", CancellationToken.None))!.LockedUntil);
        Assert.Single(await accounts.AuditAsync(10, CancellationToken.None), a => a.Action == "locked-out");

        await accounts.RecordSignInStateAsync("u-1", 0, null, new StaffAuditEntry(Nine, "admin", "user-unlocked", "alice", string.Empty), CancellationToken.None);
        Assert.Null(await accounts.ClientLockedUntilAsync("u-1", "10.0.0.66", Nine, CancellationToken.None));
    }
}
