namespace InfusionSuite.Application.Ports;

/// <summary>Storage without a server to lose (in memory): no failure is an outage.</summary>
public sealed class NoStorageOutages : IStorageOutages
{
    public string? OutageReason(Exception exception) => null;
}
