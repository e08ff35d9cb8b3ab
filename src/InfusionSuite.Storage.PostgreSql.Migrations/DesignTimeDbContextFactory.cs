using InfusionSuite.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InfusionSuite.Storage.PostgreSql.Migrations;

/// <summary>For <c>dotnet ef migrations add</c> only (no server is contacted to generate a migration).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InfusionSuiteDbContext>
{
    public InfusionSuiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InfusionSuiteDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
