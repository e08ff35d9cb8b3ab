namespace InfusionSuite.Host.Demo;

/// <summary>The demo accounts a part of the host seeded, for the banner (the nurse station adds its users).</summary>
internal interface IDemoSignIns
{
    IEnumerable<DemoAccount> Accounts();
}
