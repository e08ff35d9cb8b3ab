namespace InfusionSuite.Devices.Links;

/// <summary>
/// Something that acts on each controller message before it is acknowledged (used by
/// <see cref="AcknowledgingMessagePump"/> until the ingest worker stores messages itself).
/// </summary>
public interface IControllerMessageHandler
{
    ValueTask HandleAsync(ControllerMessage message, CancellationToken cancellationToken);
}
