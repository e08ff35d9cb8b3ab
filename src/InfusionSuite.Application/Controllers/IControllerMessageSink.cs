namespace InfusionSuite.Application.Controllers;

/// <summary>
/// Where the links put what controllers send. <see cref="WriteAsync"/> returns once the message is
/// queued, not stored: it waits only when the queue is full (back-pressure). Storage is the
/// consumer's job, which then completes <see cref="ControllerMessage.Acknowledgement"/>.
/// </summary>
public interface IControllerMessageSink
{
    ValueTask WriteAsync(ControllerMessage message, CancellationToken cancellationToken);
}
