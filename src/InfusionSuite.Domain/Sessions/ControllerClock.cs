namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// How far each boot's clock is from the server's, estimated as docs/clinical-rules.md ("Clocks")
/// says: network delay only ever adds, so the smallest arrival − ts is the offset. A boot's estimate
/// starts only from messages that are live beyond doubt: in order (seq above every seq kept), no
/// further from their arrival than the clock limit, and arriving at the pace of their own timestamps
/// for two consecutive steps (the boot's first message counts as one) — or from the boot's first message
/// when its ts lies in the server's future within the limit (no delay explains that). Stored or replayed messages, sent
/// at full speed, in chunks or in a trickle faster than half or slower than twice real time, break the
/// run and start no estimate, so their timestamps stand. A smaller difference lowers the estimate at once
/// (a clock stepped forward); ts going back between consecutive messages of a boot that arrived in order
/// is a clock stepped back, and the estimate starts again there.
/// </summary>
internal sealed class ControllerClock
{
    /// <summary>Messages closer than this in device time are not judged for pace (an event and a sample of one instant).</summary>
    public static readonly TimeSpan PaceStep = TimeSpan.FromMilliseconds(100);

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
    public DateTimeOffset ToServerTime(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt, TimeSpan threshold, TimeSpan limit) =>
        Shift(deviceTs, Estimate(_boots.GetValueOrDefault(boot), seq, deviceTs, receivedAt, threshold, limit).Offset, threshold);

    /// <summary>Notes one kept message; returns its device ts on the server's timeline.</summary>
    public DateTimeOffset Note(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt, TimeSpan threshold, TimeSpan limit)
    {
        if (!_boots.TryGetValue(boot, out var clock))
        {
            clock = new BootClockEstimate();
            _boots[boot] = clock;
        }

        var (offset, stepped, movesBase, pacedRun, runLeast) = Estimate(clock, seq, deviceTs, receivedAt, threshold, limit);
        clock.Offset = offset;
        clock.PacedRun = pacedRun;
        clock.RunLeast = runLeast;
        if (movesBase)
        {
            clock.BaseTs = deviceTs;
            clock.BaseArrival = receivedAt;
        }

        if (stepped || clock.Stretches.Count == 0)
        {
            clock.Stretches.Add((seq, offset));
        }
        else if (seq >= clock.Stretches[^1].FromSeq)
        {
            clock.Stretches[^1] = (clock.Stretches[^1].FromSeq, offset);
        }

        clock.MaxSeq = !clock.Seen || seq > clock.MaxSeq ? seq : clock.MaxSeq;
        clock.LastTs = deviceTs;
        clock.LastArrival = receivedAt > clock.LastArrival ? receivedAt : clock.LastArrival;
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

    /// <summary>
    /// The stretches of each boot whose clock was off by more than <paramref name="threshold"/> at some point, with
    /// their latest estimate (zero for a stretch within the threshold or not yet estimated): what puts a stored sample
    /// on the server's timeline when it is read back (the chart), one correction per stretch.
    /// </summary>
    public List<ClockCorrection> Corrections(TimeSpan threshold)
    {
        var corrections = new List<ClockCorrection>();
        foreach (var (boot, clock) in _boots)
        {
            if (!clock.Stretches.Exists(s => s.Offset is { } o && o.Duration() > threshold))
            {
                continue;
            }

            foreach (var (fromSeq, offset) in clock.Stretches)
            {
                corrections.Add(new ClockCorrection(boot, fromSeq, offset is { } o && o.Duration() > threshold ? o : TimeSpan.Zero));
            }
        }

        return corrections;
    }

    /// <summary>Offsets within the threshold are the network's delay, not the clock's: the device ts stands.</summary>
    private static DateTimeOffset Shift(DateTimeOffset deviceTs, TimeSpan? offset, TimeSpan threshold) =>
        offset is { } o && o.Duration() > threshold ? deviceTs + o : deviceTs;

    private static ClockReading Estimate(BootClockEstimate? clock, uint seq, DateTimeOffset ts, DateTimeOffset arrival, TimeSpan threshold, TimeSpan limit)
    {
        var difference = arrival - ts;
        var near = difference.Duration() <= limit;
        if (clock is not { Seen: true })
        {
            // A first ts in the server's future: no delay explains that.
            return new(difference < TimeSpan.Zero && near ? difference : null, false, true, near ? 1 : 0, difference);
        }

        var inOrder = seq > clock.MaxSeq && arrival >= clock.LastArrival;
        if (clock.Offset is { } offset)
        {
            var keep = new ClockReading(offset, false, inOrder, clock.PacedRun, clock.RunLeast);
            if (inOrder && ts < clock.LastTs - threshold)
            {
                return keep with { Offset = difference, Stepped = true };
            }

            return difference < offset ? keep with { Offset = difference, Stepped = offset - difference > threshold } : keep;
        }

        // No estimate yet: only a run of live messages starts one (docs/clinical-rules.md, "Clocks").
        if (!inOrder)
        {
            return new(null, false, false, clock.PacedRun, clock.RunLeast);
        }

        if (!near)
        {
            return new(null, false, true, 0, difference);
        }

        var least = difference < clock.RunLeast ? difference : clock.RunLeast;
        var step = ts - clock.BaseTs;
        if (step >= TimeSpan.Zero && step < PaceStep)
        {
            // An event and a sample of one instant: no pace to judge; it belongs to the run as it stands.
            return new(null, false, false, clock.PacedRun, least);
        }

        var travelled = arrival - clock.BaseArrival;
        var paced = step > TimeSpan.Zero && travelled * 4 >= step * 3 && travelled * 2 <= step * 3;
        var run = paced ? clock.PacedRun + 1 : 0;
        var runLeast = paced ? least : difference;
        return new(run >= 2 ? runLeast : null, false, true, run, runLeast);
    }
}
