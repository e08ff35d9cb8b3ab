namespace InfusionSuite.Application.Controllers;

/// <summary>
/// Something that acts on each controller message before it is acknowledged, for a host whose queue
/// is read by the links' interim acknowledging pump rather than by the ingest writer.
/// </summary>
public interface IControllerMessageHandler
{
    ValueTask HandleAsync(ControllerMessage message, CancellationToken cancellationToken);
}
