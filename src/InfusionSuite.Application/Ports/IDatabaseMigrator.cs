namespace InfusionSuite.Application.Ports;

/// <summary>Brings the database schema up to date (for commands that run without starting the host).</summary>
public interface IDatabaseMigrator
{
    Task EnsureMigratedAsync(CancellationToken cancellationToken);
}
