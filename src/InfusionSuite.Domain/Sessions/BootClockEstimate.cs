namespace InfusionSuite.Domain.Sessions;

/// <summary>One boot's clock estimate and the messages it is judged from (<see cref="ControllerClock"/>).</summary>
internal sealed class BootClockEstimate
{
    public bool Seen { get; set; }

    /// <summary>The highest seq kept: a message is in order when its seq is above it.</summary>
    public uint MaxSeq { get; set; }

    public DateTimeOffset LastTs { get; set; }

    public DateTimeOffset LastArrival { get; set; }

    /// <summary>The message the next one's pace is judged against (the last in-order one at least <see cref="ControllerClock.PaceStep"/> older).</summary>
    public DateTimeOffset BaseTs { get; set; }

    public DateTimeOffset BaseArrival { get; set; }

    /// <summary>How many consecutive paced steps end at the base (the boot's first message counts as one).</summary>
    public int PacedRun { get; set; }

    /// <summary>The smallest arrival − ts over the current paced run.</summary>
    public TimeSpan RunLeast { get; set; }

    /// <summary>Server clock minus controller clock; null while unknown.</summary>
    public TimeSpan? Offset { get; set; }

    /// <summary>The boot's stretches between clock steps, each with its latest estimate: (first seq, offset).</summary>
    public List<(uint FromSeq, TimeSpan? Offset)> Stretches { get; } = [];
}
