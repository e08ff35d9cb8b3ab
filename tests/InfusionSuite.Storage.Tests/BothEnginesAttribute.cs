using System.Reflection;
using Xunit.Sdk;

namespace InfusionSuite.Storage.Tests;

/// <summary>Runs a storage contract test once per engine: SQLite and PostgreSQL (a <see cref="StorageProvider"/> argument).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BothEnginesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[StorageProvider.Sqlite], [StorageProvider.PostgreSql]];
}
