using InfusionSuite.Application.Hosting;
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
    ILogger<Hl7Dispatcher> logger,
    DatabaseOutage? outage = null,
    IoTime? io = null) : OutboxDispatcher(outbox, time, logger, outage, io)
{
    protected override string Channel => "HL7";

    protected override string ContentType => Hl7OutboxItems.ContentType;

    protected override string? OffBecause => options.Value.Enabled ? null : "Hl7:Enabled is false.";

    protected override OutboxDispatchSettings Settings =>
        new(options.Value.BatchSize, options.Value.PollInterval, options.Value.RetryDelay, options.Value.MaxRetryDelay);

    protected override async Task<OutboxDeliveryResult> DeliverOneAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var stored = StoredHl7Messages.Read(item.Payload);
        if (stored.Posting is { Credit: true } credit && await ChargeReversedAsync(item, credit, cancellationToken) is { Status: not OutboxStatus.Sent } charge)
        {
            // Never a credit of a charge the interface engine never got: it would bill the patient below nothing.
            var reason = $"Not sent: this credit reverses the charge {credit.Line.Code} of item {charge.Id:D}, which never reached the interface engine "
                + $"({(charge.Status == OutboxStatus.HandledOutside ? "it was handled outside InfusionSuite" : "it is parked, and can no longer be sent after this credit")}). "
                + "Nothing is owed back: if that charge was posted by hand, reverse it there by hand; then mark this handled outside InfusionSuite.";
            return new OutboxDeliveryResult(OutboxAttemptOutcome.Rejected, null, reason) { LogReason = "credit not sent: the charge it reverses never reached the interface engine" };
        }

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

    /// <summary>
    /// A credit waits only for the charge it reverses while that charge is still being sent (pending): never behind an unrelated parked
    /// message, and never behind its own charge parked for good (it is then not sent at all: <see cref="DeliverOneAsync"/>). Anything else
    /// waits behind every earlier message of its sequence.
    /// </summary>
    protected override bool HoldsBack(OutboxItem earlier, OutboxItem item) =>
        Posting(item) is not { Credit: true } credit
        || (earlier.Status == OutboxStatus.Pending && Posting(earlier) is { Credit: false } charge && charge.Line.SameCharge(credit.Line));

    /// <summary>The latest charge of the session, made before <paramref name="item"/>, that its credit reverses; null when none is kept.</summary>
    private async Task<OutboxItem?> ChargeReversedAsync(OutboxItem item, ChargePosting credit, CancellationToken cancellationToken)
    {
        var session = await Outbox.ListAsync(new OutboxQuery(SessionId: item.SessionId, Limit: 1000), cancellationToken);
        return session
            .SkipWhile(i => i.Id != item.Id)
            .Skip(1)
            .FirstOrDefault(i => i.ContentType == ContentType && Posting(i) is { Credit: false } charge && charge.Line.SameCharge(credit.Line));
    }

    private static ChargePosting? Posting(OutboxItem item) => item.Payload.Length > 0 ? StoredHl7Messages.Read(item.Payload).Posting : null;

    /// <summary>Charges and documentation are two sequences: each keeps its order, neither waits for the other.</summary>
    protected override string Sequence(OutboxItem item) =>
        Posting(item) is not null ? "charges" : "documentation";
}
