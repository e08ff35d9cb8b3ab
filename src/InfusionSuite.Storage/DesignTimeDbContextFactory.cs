using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InfusionSuite.Storage;

/// <summary>For <c>dotnet ef migrations add</c> only: a throwaway database in the working folder.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InfusionSuiteDbContext>
{
    public InfusionSuiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InfusionSuiteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
