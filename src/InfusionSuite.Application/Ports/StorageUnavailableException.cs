namespace InfusionSuite.Application.Ports;

/// <summary>
/// The database cannot be used, for a reason an operator must act on (corrupt, read-only, locked by
/// another process, full). The message is one line for the operator: it names the file and the cause.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
