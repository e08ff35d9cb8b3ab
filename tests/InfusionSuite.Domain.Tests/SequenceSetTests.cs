using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Duplicate detection is exact (issue 13: a 64-message window dropped 3,867 of 3,995 samples held back
/// behind events): each seq is kept once, in any order, however far behind; a repeat is always a duplicate.
/// </summary>
public sealed class SequenceSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void AnyArrivalOrderWithRepeats_KeepsEachSeqExactlyOnce(int seed)
    {
        var random = new Random(seed);
        var seqs = Enumerable.Range(0, 4000).Select(i => (uint)i).ToList();
        var arrivals = seqs.Concat(seqs.Where(_ => random.Next(10) == 0)).OrderBy(_ => random.Next()).ToList();
        var set = new SequenceSet(arrivals[0]);
        var kept = new HashSet<uint> { arrivals[0] };

        foreach (var seq in arrivals.Skip(1))
        {
            Assert.Equal(kept.Add(seq), set.TryKeep(seq));
        }

        Assert.Equal(4000, kept.Count);
        Assert.Equal(1, set.Runs);
    }

    [Fact]
    public void EventsFirstThenThousandsOfSamplesBehindThem_AllKept_ThenEveryRepeatIsADuplicate()
    {
        // Events (every 40th seq) arrive on their topic first, the samples between them later on another connection.
        var set = new SequenceSet(39);
        for (uint seq = 79; seq < 4000; seq += 40)
        {
            Assert.True(set.TryKeep(seq));
        }

        for (uint seq = 0; seq < 4000; seq++)
        {
            if (seq % 40 != 39)
            {
                Assert.True(set.TryKeep(seq), $"seq {seq} was dropped");
            }
        }

        for (uint seq = 0; seq < 4000; seq++)
        {
            Assert.False(set.TryKeep(seq), $"seq {seq} was kept twice");
        }
    }

    [Fact]
    public void SeqsAtTheEndsOfTheRange_AreKeptOnce()
    {
        var set = new SequenceSet(uint.MaxValue);
        Assert.True(set.TryKeep(0));
        Assert.True(set.TryKeep(uint.MaxValue - 1));
        Assert.False(set.TryKeep(0));
        Assert.False(set.TryKeep(uint.MaxValue));
        Assert.False(set.TryKeep(uint.MaxValue - 1));
    }
}
