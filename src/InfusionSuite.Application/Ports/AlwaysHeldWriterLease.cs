namespace InfusionSuite.Application.Ports;

/// <summary>The writer's right for a single suite: nothing to share, held from the start.</summary>
public sealed class AlwaysHeldWriterLease : IWriterLease
{
    public bool IsHeld => true;

    public Task WaitUntilHeldAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
