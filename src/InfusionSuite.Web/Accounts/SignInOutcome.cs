using InfusionSuite.Application.Staff;

namespace InfusionSuite.Web.Accounts;

/// <summary>How a sign-in attempt ended. <see cref="Account"/> is set only when it succeeded.</summary>
internal sealed record SignInOutcome(SignInStatus Status, StaffAccount? Account, DateTimeOffset? LockedUntil = null);
