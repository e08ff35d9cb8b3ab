namespace InfusionSuite.Domain.Sessions;

/// <summary>One boot's clock estimate and the last message it was made from (<see cref="ControllerClock"/>).</summary>
internal sealed class BootClockEstimate
{
    public bool Seen { get; set; }

    public uint LastSeq { get; set; }

    public DateTimeOffset LastTs { get; set; }

    public DateTimeOffset LastArrival { get; set; }

    /// <summary>Server clock minus controller clock; null while unknown.</summary>
    public TimeSpan? Offset { get; set; }
}
