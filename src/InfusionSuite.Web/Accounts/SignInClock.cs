namespace InfusionSuite.Web.Accounts;

/// <summary>
/// The clock of what people do at the sign-in form: failed sign-ins and lockouts (<see cref="NurseStationOptions.LockoutDuration"/>).
/// Real time (<see cref="TimeProvider.System"/>) by default, whatever the clinical clock: the demo's runs 30× faster,
/// and a 15-minute lockout must not end after 30 seconds. The cookie's lifetime runs on the real clock too
/// (<see cref="StaffAuthentication"/>). Audit rows keep the clinical clock, as every row of the record does.
/// </summary>
internal sealed class SignInClock(TimeProvider time)
{
    public static SignInClock Real { get; } = new(TimeProvider.System);

    public DateTimeOffset Now => time.GetUtcNow();
}
