using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Application.Tests;

/// <summary>The one retry schedule of every outbox channel (FHIR and HL7 v2 alike): doubling from the first delay, capped, ±20 % jitter, never before the receiver's Retry-After.</summary>
public sealed class OutboxRetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 900)]
    [InlineData(40, 900)]
    public void EachFailureDoublesTheWait_UpToTheLongest(int failedAttempts, int seconds)
    {
        Assert.Equal(Now + TimeSpan.FromSeconds(seconds), OutboxRetrySchedule.Next(Now, failedAttempts, null, First, Longest, 0.5));
    }

    [Fact]
    public void JitterStaysWithinTwentyPercent()
    {
        Assert.Equal(Now + TimeSpan.FromSeconds(24), OutboxRetrySchedule.Next(Now, 1, null, First, Longest, 0));
        Assert.Equal(Now + TimeSpan.FromSeconds(36), OutboxRetrySchedule.Next(Now, 1, null, First, Longest, 1));
    }

    [Fact]
    public void ALongerRetryAfter_IsHonoured_AShorterOneIsNot()
    {
        Assert.Equal(Now + TimeSpan.FromMinutes(10), OutboxRetrySchedule.Next(Now, 1, TimeSpan.FromMinutes(10), First, Longest, 0.5));
        Assert.Equal(Now + TimeSpan.FromSeconds(30), OutboxRetrySchedule.Next(Now, 1, TimeSpan.FromSeconds(5), First, Longest, 0.5));
    }
}
