using System.Reflection;

namespace InfusionSuite.Architecture.Tests;

/// <summary>
/// The project graph cannot drift back: every product project's references, as declared in its csproj
/// and as compiled into its assembly, point inward (<see cref="DependencyRules"/>).
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly IReadOnlyDictionary<string, ProductProject> s_projects = ProductProject.All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    [Fact]
    public void EveryProductProject_IsFound_WithItsRole()
    {
        Assert.Equal(ProjectRole.Domain, s_projects["InfusionSuite.Domain"].Role);
        Assert.Equal(ProjectRole.Application, s_projects["InfusionSuite.Application"].Role);
        Assert.All(new[] { "InfusionSuite.Devices", "InfusionSuite.Fhir", "InfusionSuite.Storage", "InfusionSuite.Web" }, name => Assert.Equal(ProjectRole.Adapter, s_projects[name].Role));
        Assert.Equal(ProjectRole.Migrations, s_projects["InfusionSuite.Storage.PostgreSql.Migrations"].Role);
        Assert.Equal(ProjectRole.Host, s_projects["InfusionSuite.Host"].Role);
        Assert.Equal(ProjectRole.DemoHost, s_projects["InfusionSuite.Demo"].Role);
        Assert.Equal(ProjectRole.Simulator, s_projects["InfusionSuite.Simulator"].Role);
    }

    [Fact]
    public void DeclaredProjectReferences_PointInward()
    {
        var outward = ProductProject.All
            .SelectMany(from => from.ProjectReferences.Where(s_projects.ContainsKey).Select(to => Outward(from, s_projects[to])))
            .OfType<string>()
            .ToList();

        Assert.True(outward.Count == 0, "References pointing outward (csproj):\n" + string.Join('\n', outward));
    }

    [Fact]
    public void CompiledAssemblyReferences_PointInward()
    {
        var checkedAssemblies = new List<string>();
        var outward = new List<string>();
        foreach (var from in ProductProject.All)
        {
            if (Load(from.Name) is not { } assembly)
            {
                continue; // not referenced by this test project (the simulator tool); its csproj is still checked
            }

            checkedAssemblies.Add(from.Name);
            outward.AddRange(assembly.GetReferencedAssemblies()
                .Select(r => r.Name!)
                .Where(s_projects.ContainsKey)
                .Select(to => Outward(from, s_projects[to]))
                .OfType<string>());
        }

        var productUnderSrc = ProductProject.All.Where(p => p.Role != ProjectRole.Simulator).Select(p => p.Name);
        Assert.True(
            productUnderSrc.All(checkedAssemblies.Contains),
            "Reference every project under src/ from InfusionSuite.Architecture.Tests.csproj; not checked: " + string.Join(", ", productUnderSrc.Except(checkedAssemblies)));
        Assert.True(outward.Count == 0, "References pointing outward (compiled):\n" + string.Join('\n', outward));
    }

    [Theory]
    [InlineData("InfusionSuite.Domain")]
    [InlineData("InfusionSuite.Application")]
    public void DeviceDatabaseAndFhirLibraries_NeverInTheCore(string core)
    {
        var declared = s_projects[core].PackageReferences.Where(DependencyRules.IsOuterLibrary);
        var compiled = Load(core)!.GetReferencedAssemblies().Select(r => r.Name!).Where(DependencyRules.IsOuterLibrary);

        Assert.Empty(declared.Concat(compiled));
    }

    [Fact]
    public void TheDomain_HasNoPackages()
    {
        Assert.Empty(s_projects["InfusionSuite.Domain"].PackageReferences);
    }

    [Fact]
    public void EveryPendingMove_StillPointsOutward_ElseItsEntryIsRemoved()
    {
        var done = DependencyRules.Pending.Keys
            .Where(edge => !(s_projects.TryGetValue(edge.From, out var from) && from.ProjectReferences.Contains(edge.To, StringComparer.Ordinal)))
            .Select(edge => $"{edge.From} → {edge.To}")
            .ToList();

        Assert.True(done.Count == 0, "These references are gone: remove them from DependencyRules.Pending so they cannot come back:\n" + string.Join('\n', done));
    }

    /// <summary>The outward reference as a line for the failure message; null when it points inward or is a pending move.</summary>
    private static string? Outward(ProductProject from, ProductProject to) =>
        DependencyRules.Refusal(from, to) is { } refusal && !DependencyRules.Pending.ContainsKey((from.Name, to.Name))
            ? $"{from.Name} → {to.Name}: {refusal}"
            : null;

    private static Assembly? Load(string name)
    {
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")))
        {
            return null;
        }

        return Assembly.Load(new AssemblyName(name));
    }
}
