using InfusionSuite.Application.Staff;

namespace InfusionSuite.Demo;

/// <summary>One account the demo creates in its database; the password is printed on purpose (a demo only).</summary>
internal sealed record DemoAccount(string UserName, string DisplayName, StaffRole Role, string Password);
