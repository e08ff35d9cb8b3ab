namespace InfusionSuite.Web.Pages;

/// <summary>One account on the users page; <paramref name="State"/> is Active, Disabled or Locked out on a device until … (site time).</summary>
/// <param name="Self">The signed-in admin's own account: not offered to disable (an admin would lock themselves out).</param>
public sealed record UserView(string UserName, string DisplayName, string Role, string State, bool Locked, bool Disabled, bool Self = false);
