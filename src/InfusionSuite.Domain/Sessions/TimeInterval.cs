namespace InfusionSuite.Domain.Sessions;

/// <summary>A closed span of time between two instants; <see cref="End"/> is never before <see cref="Start"/>.</summary>
public readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;
}
