using CsCheck;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// docs/clinical-rules.md, "Nurse and controller end times": the controller's end events count by their
/// own (corrected) time, not by the order they arrive in. Every order of COOLING_STOP, CAP_OFF and the
/// nurse's "cap removed" gives the same record.
/// </summary>
public sealed class EndEventOrderTests
{
    public static TheoryData<int[], int, int, int> Orders()
    {
        var data = new TheoryData<int[], int, int, int>();
        int[][] permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        foreach (var order in permutations)
        {
            foreach (var (warmUp, nurseEarlier) in new[] { (7, 0), (7, 4), (1, 0), (9, 3) })
            {
                foreach (var skew in new[] { 0, -240, 240 })
                {
                    data.Add(order, warmUp, nurseEarlier, skew);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void CoolingStopCapOffAndCapRemoved_InAnyArrivalOrder_GiveTheSameRecord(int[] order, int warmUpMinutes, int nurseEarlierMinutes, int skewSeconds)
    {
        var inOrder = Finish([0, 1, 2], warmUpMinutes, nurseEarlierMinutes, skewSeconds);
        var shuffled = Finish(order, warmUpMinutes, nurseEarlierMinutes, skewSeconds);

        Assert.Equal(SessionStatus.Completed, shuffled.Status);
        Assert.Equal(TimeSpan.FromMinutes(90), shuffled.Phase(SessionPhase.PostCooling)!.Duration);
        Assert.Equal(BoundarySource.Controller, shuffled.Boundaries.RemovalSource);
        Assert.Empty(shuffled.Deviations);
        Assert.Equal(Json.Of(inOrder), Json.Of(shuffled));
    }

    public static TheoryData<int[]> ArrivalOrders() => new([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]);

    [Theory]
    [MemberData(nameof(ArrivalOrders))]
    public void AbortThenCoolingStopCapOffAndCapRemoved_InAnyArrivalOrder_GiveTheSameRecord(int[] order)
    {
        var inOrder = Aborted([0, 1, 2]);
        var shuffled = Aborted(order);

        Assert.Equal(SessionStatus.Aborted, shuffled.Status);
        Assert.Equal(BoundarySource.Controller, shuffled.Boundaries.RemovalSource);
        Assert.Equal(Json.Of(inOrder), Json.Of(shuffled));
    }

    /// <summary>Aborted 20 min into the infusion; COOLING_STOP 1 min later, CAP_OFF 5 min later, "cap removed" 3 min later; all arrive together.</summary>
    private static ScalpCoolingSessionRecord Aborted(int[] order)
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        chair.RunMinutes(20);
        chair.Abort();
        chair.RunMinutes(1);
        var stop = chair.NewEvent(ControllerEventKind.CoolingStop);
        chair.State = ControllerState.Standby;
        chair.RunMinutes(2);
        var nurseAt = chair.Now;
        chair.RunMinutes(2);
        var capOff = chair.NewEvent(ControllerEventKind.CapOff);
        chair.Advance(TimeSpan.FromSeconds(3));
        SessionInput[] inputs =
        [
            new DeviceEventReceived(chair.Now, stop),
            new DeviceEventReceived(chair.Now, capOff),
            new RemoveCap(chair.Now, SessionScenario.NurseId, nurseAt),
        ];
        foreach (var index in order)
        {
            Assert.True(chair.Apply(inputs[index]).IsAccepted, $"input {index} of order {string.Join(",", order)}");
        }

        return chair.Record;
    }

    /// <summary>
    /// A session in post-cooling for 90 min; the controller stops cooling, <paramref name="warmUpMinutes"/> later sends
    /// CAP_OFF, and the nurse says "cap removed" <paramref name="nurseEarlierMinutes"/> before that CAP_OFF. All three
    /// arrive together a few seconds after the CAP_OFF, in <paramref name="order"/> (0 stop, 1 cap off, 2 nurse).
    /// </summary>
    private static ScalpCoolingSessionRecord Finish(int[] order, int warmUpMinutes, int nurseEarlierMinutes, int skewSeconds)
    {
        var chair = new SessionScenario();
        chair.RunToPostCooling();
        chair.RunMinutes(90);
        var stop = chair.NewEvent(ControllerEventKind.CoolingStop);
        chair.State = ControllerState.Standby;
        chair.RunMinutes(warmUpMinutes);
        var capOff = chair.NewEvent(ControllerEventKind.CapOff);
        var nurseAt = chair.Now - TimeSpan.FromMinutes(nurseEarlierMinutes);
        chair.Advance(TimeSpan.FromSeconds(3));
        SessionInput[] inputs =
        [
            new DeviceEventReceived(chair.Now, stop),
            new DeviceEventReceived(chair.Now, capOff),
            new RemoveCap(chair.Now, SessionScenario.NurseId, nurseAt),
        ];
        foreach (var index in order)
        {
            Assert.True(chair.Apply(inputs[index]).IsAccepted, $"input {index} of order {string.Join(",", order)}");
        }

        return chair.Record;
    }

    [Fact]
    public void TheEndOfASession_DeliveredLateAndOutOfOrder_GivesTheRecordOfInOrderDelivery()
    {
        Gen.Select(Gen.Int[0, 900].Array[40], Gen.Int[0, 12], Gen.Int[-600, 600], Gen.Int[-300, 300]).Sample((delays, warmUp, nurseShift, skew) =>
        {
            var inOrder = Tail(null, warmUp, nurseShift, skew);
            var late = Tail(delays, warmUp, nurseShift, skew);

            Assert.Equal(Json.Of(Settled(inOrder)), Json.Of(Settled(late)));
        }, iter: 400);
    }

    /// <summary>
    /// The record without what it says of the moment it was read (as-of, the newest reading) and of how it was delivered:
    /// how many samples it took (a sample from after the CAP_OFF's time, taken before the CAP_OFF arrived, stays in the
    /// session's stored log; it counts in no summary).
    /// </summary>
    private static ScalpCoolingSessionRecord Settled(ScalpCoolingSessionRecord record) =>
        record with
        {
            AsOf = default,
            SampleCount = 0,
            Controller = record.Controller with { LatestSampleAt = null, State = null, Coolant = null, Scalp = null, ActiveAlarms = default, CoolantAtSetpoint = null, CoolingRunning = null, ClockSkew = record.Controller.ClockSkew with { FlaggedMessages = 0 } },
        };

    /// <summary>
    /// The last 10 min of post-cooling, COOLING_STOP, warm-up, CAP_OFF and the nurse's "cap removed"
    /// (<paramref name="nurseShiftSeconds"/> from the CAP_OFF); each controller message delayed by <paramref name="delaySeconds"/>
    /// (none: live), then everything settles.
    /// </summary>
    private static ScalpCoolingSessionRecord Tail(int[]? delaySeconds, int warmUpMinutes, int nurseShiftSeconds, int skewSeconds)
    {
        var chair = new SessionScenario { DeviceClockOffset = TimeSpan.FromSeconds(skewSeconds) };
        chair.Hello();
        chair.RunToPostCooling();
        chair.RunMinutes(80);
        var messages = new List<(DateTimeOffset Arrival, SessionInput Input)>();
        var i = 0;
        void Send(object message)
        {
            var delay = TimeSpan.FromSeconds(delaySeconds is null ? 0 : delaySeconds[i++ % delaySeconds.Length]);
            var arrival = chair.Now + delay;
            messages.Add((arrival, message switch
            {
                ControllerEvent e => new DeviceEventReceived(arrival, e),
                TelemetrySample t => new TelemetryReceived(arrival, t),
                _ => throw new ArgumentException("unknown", nameof(message)),
            }));
        }

        void Run(int minutes, ControllerState state, bool cap = true)
        {
            for (var s = 0; s < minutes * 2; s++)
            {
                chair.Advance(TimeSpan.FromSeconds(30));
                Send(chair.NewSample(state, -4.0m, 17.0m, cap));
            }
        }

        Run(10, ControllerState.Cooling);
        Send(chair.NewEvent(ControllerEventKind.CoolingStop));
        Run(warmUpMinutes, ControllerState.Standby);
        chair.Advance(TimeSpan.FromSeconds(10));
        var capOffAt = chair.Now;
        Send(chair.NewEvent(ControllerEventKind.CapOff));
        Run(2, ControllerState.Standby, cap: false);
        var nurseAt = capOffAt + TimeSpan.FromSeconds(nurseShiftSeconds);
        messages.Add((nurseAt > chair.Now ? nurseAt : chair.Now, new RemoveCap(nurseAt > chair.Now ? nurseAt : chair.Now, SessionScenario.NurseId, nurseAt)));
        foreach (var (arrival, input) in messages.OrderBy(m => m.Arrival))
        {
            if (arrival > chair.Now)
            {
                chair.Advance(arrival - chair.Now);
            }

            chair.Apply(input);
        }

        chair.Minutes(40);
        chair.Apply(new ControllerWentOffline(chair.Now));
        return chair.Record;
    }
}
