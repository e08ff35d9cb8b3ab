namespace InfusionSuite.Web.Pages;

/// <summary>An API token just issued for <paramref name="UserName"/>: shown once on the page, never stored in clear.</summary>
public sealed record IssuedToken(string UserName, string Token);
