using InfusionSuite.Application.Ingest;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Issue 18: messages a broker dropped at a failover (its queue full while no worker was connected) are noticed: the next
/// message's seq is more than one past the last one stored, counted from what the store held at the writer's start.
/// </summary>
public sealed class SequenceGapTests
{
    private const uint Boot = 0x0a1b2c3d;

    [Fact]
    public void AfterAFailover_TheFirstMessagePastTheLastStoredOne_CountsWhatNeverArrived()
    {
        var gaps = new SequenceGaps();
        gaps.ContinueAfter([new MessageKey("CHAIR-01", Boot, 100)]);

        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-01", Boot, 99)));  // redelivered (stored before): no gap
        Assert.Equal(16u, gaps.Kept(new MessageKey("CHAIR-01", Boot, 117))); // 101..116 were dropped
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-01", Boot, 118)));
    }

    [Fact]
    public void InOrder_ANewBoot_AndALateMessage_AreNoGaps()
    {
        var gaps = new SequenceGaps();
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-02", Boot, 5)));  // first heard: nothing to compare with
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-02", Boot, 6)));
        Assert.Equal(2u, gaps.Kept(new MessageKey("CHAIR-02", Boot, 9)));  // 7 and 8 missing
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-02", Boot, 7)));  // one of them, late: kept, not a gap
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-02", Boot + 1, 0))); // power-on: a new sequence
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-02", Boot + 1, 1)));

        gaps.Restarted(new MessageKey("CHAIR-02", Boot + 1, 0)); // the boot id reused: counting starts again
        Assert.Equal(0u, gaps.Kept(new MessageKey("CHAIR-02", Boot + 1, 1)));
    }
}
