namespace InfusionSuite.Hl7.Transport;

/// <summary>
/// A message could not be delivered this time (no connection, a timeout, the connection closed,
/// an answer that is not an acknowledgement of this message): it stays due and is resent with the
/// same control id.
/// </summary>
public sealed class Hl7DeliveryException : Exception
{
    public Hl7DeliveryException()
    {
    }

    public Hl7DeliveryException(string message)
        : base(message)
    {
    }

    public Hl7DeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
