namespace InfusionSuite.Application.Hosting;

/// <summary>
/// What a host needs to itself (a port, a database file) is held by another process. The message is one line for the
/// operator: it names the resource, the setting that chooses it, and what to do.
/// </summary>
public sealed class ResourceInUseException : Exception
{
    public ResourceInUseException()
    {
    }

    public ResourceInUseException(string message)
        : base(message)
    {
    }

    public ResourceInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
