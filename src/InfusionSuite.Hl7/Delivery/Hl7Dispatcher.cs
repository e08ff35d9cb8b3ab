using InfusionSuite.Application.Outbox;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Outbox;
using InfusionSuite.Hl7.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7.Delivery;

/// <summary>
/// The HL7 v2 channel of the <see cref="OutboxDispatcher"/>: how one message reaches the interface engine. Each
/// is sent unchanged (the same control id on every resend) until an acknowledgement comes; <c>AA</c> (<c>CA</c>)
/// delivers it, <c>AE</c>/<c>AR</c> parks it with the receiver's text, no answer is a transient failure. A
/// session's messages go in the order they were made, charges apart from documentation: a credit always reaches
/// the receiver before the corrected charge, and a later message waits while an earlier one is unacknowledged or
/// parked. Claiming, recording, retrying and parking are the dispatcher's. Logs item and session ids only.
/// </summary>
public sealed class Hl7Dispatcher(
    IOutbox outbox,
    IHl7Transport transport,
    IOptions<Hl7Options> options,
    TimeProvider time,
    ILogger<Hl7Dispatcher> logger) : OutboxDispatcher(outbox, time, logger)
{
    protected override string Channel => "HL7";

    protected override string ContentType => Hl7OutboxItems.ContentType;

    protected override string? OffBecause => options.Value.Enabled ? null : "Hl7:Enabled is false.";

    protected override OutboxDispatchSettings Settings =>
        new(options.Value.BatchSize, options.Value.PollInterval, options.Value.RetryDelay, options.Value.MaxRetryDelay);

    protected override async Task<OutboxDeliveryResult> DeliverOneAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var stored = StoredHl7Messages.Read(item.Payload);
        Hl7Acknowledgement ack;
        try
        {
            ack = await transport.SendAsync(new Hl7OutgoingMessage(stored.ControlId, stored.MessageType, item.Payload, stored.Posting), cancellationToken);
        }
        catch (Hl7DeliveryException e)
        {
            return new OutboxDeliveryResult(OutboxAttemptOutcome.TransientFailure, null, e.Message) { LogReason = "no acknowledgement: " + e.Message };
        }

        var answer = ack.Text is { } text ? $"{ack.Code}: {text}" : ack.Code;
        return ack.Accepted
            ? new OutboxDeliveryResult(OutboxAttemptOutcome.Sent, null, answer) { LogReason = "acknowledged " + ack.Code }
            : new OutboxDeliveryResult(
                OutboxAttemptOutcome.Rejected, null, answer,
                ParkReason: $"The interface engine answered {ack.Code} ({(ack.Code is "AR" or "CR" ? "rejected" : "error")}): {ack.Text ?? "no text given"}")
            {
                LogReason = "refused with " + ack.Code,
            };
    }

    protected override string Receiver => "the interface engine";

    protected override string Carries(OutboxItem item) =>
        item.Payload.Length > 0 && StoredHl7Messages.Read(item.Payload).IsCharge ? "the session's earlier charge message (DFT^P03)" : "the session's earlier message";

    /// <summary>Charges and documentation are two sequences: each keeps its order, neither waits for the other.</summary>
    protected override string Sequence(OutboxItem item) =>
        item.Payload.Length > 0 && StoredHl7Messages.Read(item.Payload).IsCharge ? "charges" : "documentation";
}
