using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Tests;

/// <summary>One writer, one order: every stored input gets the next number of one sequence, in arrival order.</summary>
public sealed class OrderingTests
{
    [Fact(Timeout = 30_000)]
    public async Task TwoChairsInterleaved_EachChairsSamplesAreStoredInArrivalOrder_UnderOneGrowingSequence()
    {
        await using var writer = await WriterHarness.StartAsync();
        var left = new Chair("CHAIR-01", writer.Clock);
        var right = new Chair("CHAIR-02", writer.Clock);
        var last = new HeldAcknowledgement();
        for (uint seq = 1; seq <= 200; seq++)
        {
            await writer.SendAsync(left.Sample(seq));
            await writer.SendAsync(right.Sample(seq, seq == 200 ? last : null));
        }

        await last.Done.WaitAsync(Timeouts.Limit);
        var stored = writer.Store.Telemetry;
        Assert.Equal(400, stored.Count);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), stored.Select(t => t.IngestSeq));
        Assert.Equal(
            Enumerable.Range(1, 200).SelectMany(i => new[] { ("CHAIR-01", (uint)i), ("CHAIR-02", (uint)i) }),
            stored.Select(t => (t.Sample.ControllerId, t.Sample.Seq)));
    }

    [Fact(Timeout = 30_000)]
    public async Task NurseActionsAndSamples_ShareOneOrder_AndTheSessionReplaysInIt()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-03", writer.Clock);
        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());
        Assert.True(started.IsAccepted, started.Message);
        var sessionId = started.SessionId!;

        await SendAndWaitAsync(writer, chair, 1, 2, 3);
        writer.Clock.Advance(TimeSpan.FromSeconds(5));
        var placed = await writer.Nurse.CapPlacedAsync(sessionId, "nurse-3", null, Timeouts.Token());
        Assert.True(placed.IsAccepted, placed.Message);
        await SendAndWaitAsync(writer, chair, 4, 5);

        var stored = await writer.Store.LoadSessionAsync(sessionId, Timeouts.Token());
        Assert.Equal(
            ["StartSession", "T1", "T2", "T3", "PlaceCap", "T4", "T5"],
            stored!.Log.Select(i => i is TelemetryReceived t ? "T" + t.Sample.Seq : i.GetType().Name));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), writer.Store.IngestSeqs);
    }

    [Fact(Timeout = 30_000)]
    public async Task SamplesBeforeAnySession_AreStoredUnassigned_AndLaterOnesJoinTheSessionStartedBetween()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-04", writer.Clock);
        await SendAndWaitAsync(writer, chair, 1, 2);
        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());
        await SendAndWaitAsync(writer, chair, 3, 4);

        Assert.Equal(
            [(1u, null), (2u, null), (3u, started.SessionId), (4u, started.SessionId)],
            writer.Store.Telemetry.Select(t => (t.Sample.Seq, t.SessionId)));
        Assert.Equal(2, writer.Store.SampleCount(started.SessionId!));
    }

    private static async Task SendAndWaitAsync(WriterHarness writer, Chair chair, params uint[] seqs)
    {
        var last = new HeldAcknowledgement();
        foreach (var seq in seqs)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(1));
            await writer.SendAsync(chair.Sample(seq, seq == seqs[^1] ? last : null));
        }

        await last.Done.WaitAsync(Timeouts.Limit);
    }
}
