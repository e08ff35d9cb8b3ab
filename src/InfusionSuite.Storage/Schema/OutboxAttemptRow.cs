namespace InfusionSuite.Storage.Schema;

/// <summary>One delivery attempt of an outbox item, append-only (triggers refuse UPDATE and DELETE).</summary>
public sealed class OutboxAttemptRow
{
    public long AttemptKey { get; set; }

    public long ItemKey { get; set; }

    public int Number { get; set; }

    public long StartedAtTicks { get; set; }

    public long FinishedAtTicks { get; set; }

    /// <summary><see cref="Application.Outbox.OutboxAttemptOutcome"/> as a number.</summary>
    public int Outcome { get; set; }

    public int? HttpStatus { get; set; }

    public string? ServerMessage { get; set; }

    /// <summary>The receiver's ids of what the attempt sent (<see cref="Application.Outbox.ReceiverResource"/>s as JSON); null when none.</summary>
    public string? Resources { get; set; }
}
