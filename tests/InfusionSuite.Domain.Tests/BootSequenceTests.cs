using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Issue 13, "Controllers that reuse a boot id": a redelivered message (MQTT QoS 1, a serial resend) is a
/// duplicate; a controller that restarted with the same boot id, counting from 0 again at later times,
/// is a new sequence, never taken for duplicates.
/// </summary>
public sealed class BootSequenceTests
{
    private static readonly DateTimeOffset s_nine = SessionScenario.DefaultStart;

    [Fact]
    public void RedeliveredMessage_SameSeqAndTs_IsADuplicate_AnOlderOneToo()
    {
        var sequence = new BootSequence(0, s_nine);
        Assert.Equal(SequenceVerdict.New, sequence.Keep(1, s_nine.AddSeconds(1)));
        Assert.Equal(SequenceVerdict.New, sequence.Keep(2, s_nine.AddSeconds(2)));

        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(2, s_nine.AddSeconds(2)));
        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(1, s_nine.AddSeconds(1)));
        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(0, s_nine));
    }

    [Fact]
    public void SamplesHeldBackBehindLaterEvents_AreNew_TheirRedeliveryADuplicate()
    {
        var sequence = new BootSequence(500, s_nine.AddSeconds(500));
        for (uint seq = 501; seq < 600; seq++)
        {
            Assert.Equal(SequenceVerdict.New, sequence.Keep(seq, s_nine.AddSeconds(seq)));
        }

        for (uint seq = 0; seq < 500; seq++)
        {
            Assert.Equal(SequenceVerdict.New, sequence.Keep(seq, s_nine.AddSeconds(seq)));
        }

        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(3, s_nine.AddSeconds(3)));
        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(599, s_nine.AddSeconds(599)));
    }

    [Fact]
    public void SameBootCountingAgainFromZeroAtLaterTimes_IsACollision_ThenANewSequence_AndTheOldRunsRedeliveriesStayDuplicates()
    {
        var sequence = new BootSequence(0, s_nine);
        for (uint seq = 1; seq < 500; seq++)
        {
            Assert.Equal(SequenceVerdict.New, sequence.Keep(seq, s_nine.AddSeconds(seq)));
        }

        var rerun = s_nine.AddHours(2);
        Assert.Equal(SequenceVerdict.Collision, sequence.Keep(0, rerun));
        Assert.Equal(SequenceVerdict.New, sequence.Keep(1, rerun.AddSeconds(1)));
        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(1, rerun.AddSeconds(1)));
        Assert.Equal(SequenceVerdict.Duplicate, sequence.Keep(499, s_nine.AddSeconds(499)));
        Assert.True(sequence.Collided);
    }

    [Fact]
    public void ControllerReusingItsBootIdMidSession_ItsNewRunCounts_NotDroppedAsDuplicates_AndReplaysTheSame()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.RunMinutes(5);
        var before = chair.Record.Temperatures.Coolant.Samples;

        chair.Seq = 0; // restarted, same boot id: counts from 0 again
        chair.RunMinutes(5);

        var record = chair.Record;
        Assert.Equal(before + 10, record.Temperatures.Coolant.Samples);
        Assert.Equal(Json.Of(record), Json.Of(ScalpCoolingSession.Replay(chair.Policy, chair.Log)));
        var again = chair.Log.OfType<TelemetryReceived>().Last();
        Assert.Equal(InputDisposition.Duplicate, chair.Session.Apply(again).Disposition);
    }

    [Fact]
    public void RebootWithANewBootId_ReusingSeqNumbers_IsNotADuplicate()
    {
        var chair = new SessionScenario();
        chair.RunToPreCooling();
        chair.RunMinutes(2);
        var before = chair.Record.Temperatures.Coolant.Samples;

        chair.Boot++;
        chair.Seq = 0;
        chair.Hello();
        chair.RunMinutes(2);

        Assert.Equal(before + 4, chair.Record.Temperatures.Coolant.Samples);
        Assert.Equal(1, chair.Record.Controller.Reboots);
    }
}
