namespace InfusionSuite.Host.Demo;

/// <summary>One demo account: demo-only credentials, printed on purpose.</summary>
internal sealed record DemoAccount(string Role, string UserName, string Password);
