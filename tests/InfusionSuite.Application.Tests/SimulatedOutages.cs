using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Tests;

/// <summary>The storage's outage rule for the in-memory store: its simulated outage (a time-out with this message) is one, nothing else.</summary>
internal sealed class SimulatedOutages : IStorageOutages
{
    public const string Message = "Simulated outage: the database is away.";

    public string? OutageReason(Exception exception) =>
        exception is TimeoutException { Message: Message } ? "simulated outage" : null;
}
