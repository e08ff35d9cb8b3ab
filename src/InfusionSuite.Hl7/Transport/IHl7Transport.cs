using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Transport;

/// <summary>Sends one message and returns the receiver's acknowledgement; throws <see cref="Hl7DeliveryException"/> when it could not be delivered this time.</summary>
public interface IHl7Transport
{
    Task<Hl7Acknowledgement> SendAsync(Hl7OutgoingMessage message, CancellationToken cancellationToken);
}
