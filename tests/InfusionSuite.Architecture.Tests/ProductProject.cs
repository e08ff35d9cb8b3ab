using System.Xml.Linq;

namespace InfusionSuite.Architecture.Tests;

/// <summary>One product project as its csproj declares it: the projects and packages it references.</summary>
internal sealed record ProductProject(string Name, ProjectRole Role, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    /// <summary>Every project under <c>src/</c> and <c>simulators/</c>, read from its csproj.</summary>
    public static IReadOnlyList<ProductProject> All { get; } = Read();

    private static List<ProductProject> Read()
    {
        var root = RepositoryRoot.Path;
        return [.. new[] { "src", "simulators" }
            .SelectMany(folder => Directory.GetFiles(System.IO.Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path =>
            {
                var name = System.IO.Path.GetFileNameWithoutExtension(path);
                var csproj = XDocument.Load(path);
                return new ProductProject(
                    name,
                    ProjectRoles.Of(name, path),
                    [.. csproj.Descendants("ProjectReference").Select(r => System.IO.Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))],
                    [.. csproj.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value)]);
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }
}
