using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Tests;

/// <summary>The domain is pure: no packages, no I/O, and it never reads a clock.</summary>
public sealed class DomainPurityTests
{
    private static readonly Assembly s_domain = typeof(TelemetrySample).Assembly;

    [Fact]
    public void DomainAssembly_ReferencesOnlyTheFramework()
    {
        var references = s_domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib",
            $"the domain references {name}"));
    }

    [Theory]
    [InlineData("System.DateTime", "get_Now")]
    [InlineData("System.DateTime", "get_UtcNow")]
    [InlineData("System.DateTime", "get_Today")]
    [InlineData("System.DateTimeOffset", "get_Now")]
    [InlineData("System.DateTimeOffset", "get_UtcNow")]
    [InlineData("System.TimeProvider", "GetUtcNow")]
    [InlineData("System.IO.File", "OpenRead")]
    public void DomainAssembly_NeverCallsClockOrFileApis(string typeName, string memberName)
    {
        var used = MemberReferences(s_domain.Location);

        Assert.DoesNotContain($"{typeName}::{memberName}", used);
    }

    [Fact]
    public void MemberReferenceScan_SeesWhatThisTestAssemblyCalls()
    {
        // Guards the scan above: this assembly does call DateTimeOffset.UtcNow, so the scan must see it.
        _ = DateTimeOffset.UtcNow;
        var used = MemberReferences(typeof(DomainPurityTests).Assembly.Location);

        Assert.Contains("System.DateTimeOffset::get_UtcNow", used);
    }

    private static HashSet<string> MemberReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
            result.Add($"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}::{md.GetString(member.Name)}");
        }

        return result;
    }
}
