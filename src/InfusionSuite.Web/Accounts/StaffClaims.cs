using System.Security.Claims;
using InfusionSuite.Application.Staff;

namespace InfusionSuite.Web.Accounts;

/// <summary>The claims a signed-in user carries, and how to read them back.</summary>
internal static class StaffClaims
{
    public const string DisplayName = "display_name";

    public static ClaimsPrincipal Principal(StaffAccount account, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.UserId),
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(DisplayName, account.DisplayName),
                new Claim(ClaimTypes.Role, RoleName(account.Role)),
            ],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role));

    public static string RoleName(StaffRole role) => role switch
    {
        StaffRole.Nurse => StaffRoles.Nurse,
        StaffRole.Engineer => StaffRoles.Engineer,
        _ => StaffRoles.Admin,
    };

    public static bool TryParseRole(string? text, out StaffRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case StaffRoles.Nurse:
                role = StaffRole.Nurse;
                return true;
            case StaffRoles.Engineer:
                role = StaffRole.Engineer;
                return true;
            case StaffRoles.Admin:
                role = StaffRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }

    /// <summary>The stable user id: the nurse id in sessions and the audit.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    /// <summary>Nurses and admins see patient names and references; engineers do not.</summary>
    public static bool SeesPatients(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Nurse) || user.IsInRole(StaffRoles.Admin);

    public static bool RunsSessions(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Nurse);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin);
}
