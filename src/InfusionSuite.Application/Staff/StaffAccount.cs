namespace InfusionSuite.Application.Staff;

/// <summary>A local account. The password is kept only as ASP.NET Core Identity's hash.</summary>
/// <param name="UserId">Stable opaque id: the nurse id in sessions and the audit.</param>
/// <param name="UserName">Sign-in name, stored lower case.</param>
/// <param name="LockedUntil">Sign-in refused until then after repeated failures.</param>
/// <param name="PractitionerId">Optional EHR Practitioner id or identifier for the FHIR performer.</param>
public sealed record StaffAccount(
    string UserId,
    string UserName,
    string DisplayName,
    StaffRole Role,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    bool Disabled,
    string? PractitionerId = null);
