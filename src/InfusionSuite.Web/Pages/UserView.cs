namespace InfusionSuite.Web.Pages;

/// <summary>One account on the users page; <paramref name="State"/> is Active, Disabled or Locked until ….</summary>
public sealed record UserView(string UserName, string DisplayName, string Role, string State);
