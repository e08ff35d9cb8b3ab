namespace InfusionSuite.Architecture.Tests;

/// <summary>Which role a project plays, from its name and folder; every other project under <c>src/</c> is an adapter.</summary>
internal static class ProjectRoles
{
    public static ProjectRole Of(string name, string path) => name switch
    {
        "InfusionSuite.Domain" => ProjectRole.Domain,
        "InfusionSuite.Application" => ProjectRole.Application,
        "InfusionSuite.Host" => ProjectRole.Host,
        "InfusionSuite.Demo" => ProjectRole.DemoHost,
        _ when path.Replace('\\', '/').Contains("/simulators/", StringComparison.Ordinal) => ProjectRole.Simulator,
        _ when name.EndsWith(".Migrations", StringComparison.Ordinal) => ProjectRole.Migrations,
        _ => ProjectRole.Adapter,
    };
}
