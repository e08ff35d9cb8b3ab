namespace InfusionSuite.Application.Controllers;

/// <summary>
/// The handle a consumer completes once it has durably stored a message. Completing it twice, or
/// after the connection it came on was lost, does nothing (the broker then delivers the message
/// again, and the consumer keeps it at most once by its <see cref="Domain.Controllers.MessageKey"/>).
/// </summary>
public abstract class MessageAcknowledgement
{
    /// <summary>For messages nobody waits for: serial frames and derived presence changes.</summary>
    public static MessageAcknowledgement None { get; } = new NoAcknowledgement();

    public abstract ValueTask AcknowledgeAsync(CancellationToken cancellationToken);

    private sealed class NoAcknowledgement : MessageAcknowledgement
    {
        public override ValueTask AcknowledgeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
