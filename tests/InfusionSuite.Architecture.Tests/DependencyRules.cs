namespace InfusionSuite.Architecture.Tests;

/// <summary>
/// Which references point inward: Host → adapters {Devices, Fhir, Storage, Web} → Application →
/// Domain. Application owns the ports, adapters implement them and never reference each other, only
/// the hosts reference adapters, only the demo host references the simulator.
/// </summary>
internal static class DependencyRules
{
    /// <summary>Device, database and FHIR libraries: never in the domain or the application (by assembly or package name prefix).</summary>
    public static readonly IReadOnlyList<string> OuterLibraries =
        ["Hl7.Fhir", "Firely", "MQTTnet", "System.IO.Ports", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Npgsql"];

    /// <summary>Why a reference from <paramref name="from"/> to <paramref name="to"/> points outward; null when it points inward.</summary>
    public static string? Refusal(ProductProject from, ProductProject to) => (from.Role, to.Role) switch
    {
        (not ProjectRole.DemoHost, ProjectRole.Simulator) => "only the demo host (and tests) reference the simulator",
        (ProjectRole.DemoHost, ProjectRole.Host) => null, // the demo host calls the production wiring (AddInfusionSuite)
        (_, ProjectRole.Host or ProjectRole.DemoHost) => "nothing references a host",
        (ProjectRole.Domain, _) => "the domain references nothing of ours",
        (ProjectRole.Application, not ProjectRole.Domain) => "Application references the domain only",
        (ProjectRole.Adapter, ProjectRole.Adapter) => "adapters never reference each other",
        (ProjectRole.Migrations, ProjectRole.Adapter) when from.Name.StartsWith(to.Name + ".", StringComparison.Ordinal) => null,
        (ProjectRole.Migrations, _) => "a migrations project references only the adapter whose schema it holds",
        (not ProjectRole.Host and not ProjectRole.DemoHost, ProjectRole.Migrations) => "only the hosts reference migrations (to deploy them)",
        (ProjectRole.Simulator, ProjectRole.Adapter) when to.Name != "InfusionSuite.Devices" => "the simulator uses the device codec only",
        _ => null,
    };

    /// <summary>
    /// References that point outward today and are being moved by another workstream of issue 11:
    /// each is reported as pending, and the test fails once it is gone so the entry is removed.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string From, string To), string> Pending = new Dictionary<(string From, string To), string>
    {
        // none: every rule holds (the demo host split and the controller contract's move into Application landed)
    };

    public static bool IsOuterLibrary(string name) =>
        OuterLibraries.Any(prefix => name.Equals(prefix, StringComparison.Ordinal) || name.StartsWith(prefix + ".", StringComparison.Ordinal));
}
