namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// How far each boot's clock is from the server's, estimated as docs/clinical-rules.md ("Clocks")
/// says: network delay only ever adds, so the smallest arrival − ts is the offset. A boot's estimate
/// starts from two messages that arrived at the pace of their own timestamps, or from a message
/// whose ts lies in the server's future (no delay explains that); a burst of stored or replayed
/// messages alone gives none, so their timestamps stand. A smaller difference lowers the estimate
/// at once (a clock stepped forward); ts going back between consecutive messages of a boot that
/// arrived in order is a clock stepped back, and the estimate starts again there.
/// </summary>
internal sealed class ControllerClock
{
    private readonly Dictionary<uint, BootClockEstimate> _boots = [];

    /// <summary>The largest estimated offset of any boot (absolute).</summary>
    public TimeSpan LargestOffset { get; private set; }

    /// <summary>The latest estimate of the newest boot: controller clock minus server clock; null while unknown.</summary>
    public TimeSpan? ControllerAhead { get; private set; }

    /// <summary>Clock steps seen (backwards or forwards by more than the threshold).</summary>
    public int Steps { get; private set; }

    /// <summary>Messages taken while their boot's clock was off by more than the threshold.</summary>
    public int FlaggedMessages { get; private set; }

    /// <summary>The message's device ts on the server's timeline, without noting anything.</summary>
    public DateTimeOffset ToServerTime(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt, TimeSpan threshold)
    {
        var (offset, _) = Estimate(_boots.GetValueOrDefault(boot), seq, deviceTs, receivedAt, threshold);
        return Shift(deviceTs, offset, threshold);
    }

    /// <summary>Notes one kept message; returns its device ts on the server's timeline.</summary>
    public DateTimeOffset Note(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt, TimeSpan threshold)
    {
        if (!_boots.TryGetValue(boot, out var clock))
        {
            clock = new BootClockEstimate();
            _boots[boot] = clock;
        }

        var (offset, stepped) = Estimate(clock, seq, deviceTs, receivedAt, threshold);
        clock.Offset = offset;
        clock.LastSeq = seq;
        clock.LastTs = deviceTs;
        clock.LastArrival = receivedAt;
        clock.Seen = true;
        if (stepped)
        {
            Steps++;
        }

        if (offset is { } known)
        {
            ControllerAhead = -known;
            LargestOffset = known.Duration() > LargestOffset ? known.Duration() : LargestOffset;
            if (known.Duration() > threshold)
            {
                FlaggedMessages++;
            }
        }

        return Shift(deviceTs, offset, threshold);
    }

    /// <summary>Offsets within the threshold are the network's delay, not the clock's: the device ts stands.</summary>
    private static DateTimeOffset Shift(DateTimeOffset deviceTs, TimeSpan? offset, TimeSpan threshold) =>
        offset is { } o && o.Duration() > threshold ? deviceTs + o : deviceTs;

    private static (TimeSpan? Offset, bool Stepped) Estimate(BootClockEstimate? clock, uint seq, DateTimeOffset ts, DateTimeOffset arrival, TimeSpan threshold)
    {
        var difference = arrival - ts;
        if (clock is not { Seen: true })
        {
            return (difference < TimeSpan.Zero ? difference : null, false);
        }

        var inOrder = seq > clock.LastSeq && arrival >= clock.LastArrival;
        if (clock.Offset is not { } offset)
        {
            var paced = inOrder && ts > clock.LastTs && (arrival - clock.LastArrival) * 2 >= ts - clock.LastTs;
            var earlier = clock.LastArrival - clock.LastTs;
            return paced ? (earlier < difference ? earlier : difference, false)
                : difference < TimeSpan.Zero ? (difference, false)
                : (null, false);
        }

        if (inOrder && ts < clock.LastTs - threshold)
        {
            return (difference, true);
        }

        return difference < offset ? (difference, offset - difference > threshold) : (offset, false);
    }
}
