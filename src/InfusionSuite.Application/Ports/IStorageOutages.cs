namespace InfusionSuite.Application.Ports;

/// <summary>
/// Which storage failures are an outage of the database (its server unreachable, restarting or shutting down, the
/// connection lost): the one rule every loop uses to wait and try again on a fresh connection instead of stopping.
/// </summary>
public interface IStorageOutages
{
    /// <summary>A short reason without patient data when <paramref name="exception"/> is an outage; null for any other failure.</summary>
    string? OutageReason(Exception exception);
}
