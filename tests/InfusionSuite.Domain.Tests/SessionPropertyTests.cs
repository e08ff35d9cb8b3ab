using CsCheck;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>For any valid interleaving of inputs, the record holds together.</summary>
public sealed class SessionPropertyTests
{
    private static readonly Gen<List<SessionInput>> s_inputs =
        Gen.Select(
            Gen.Int[0, ScriptedChair.Operations - 1].Array[5, 70],
            Gen.Int[0, 1200].Array[1, 20],
            Gen.Int[0, 4000].Array[1, 20],
            Gen.Int[-8, 8])
        .Select(ScriptedChair.Inputs);

    [Fact]
    public void AnyInterleaving_PhasesAreNeverNegativeAndAddUpToThePerformedPeriod()
    {
        s_inputs.Sample(inputs =>
        {
            var record = Fold(inputs).Record;

            Assert.All(record.Phases, p => Assert.True(p.Duration is null || p.Duration >= TimeSpan.Zero));
            Assert.All(record.Phases, p => Assert.True(p.Duration is null || p.Interruptions.Total <= p.Duration));
            Assert.All(record.Deviations, d => Assert.True(d.Duration >= TimeSpan.Zero));
            if (record.PerformedPeriod is { } performed)
            {
                Assert.Equal(performed.Duration, TimeSpan.FromTicks(record.Phases.Sum(p => p.Duration!.Value.Ticks)));
                Assert.Equal(performed.Start, record.Phases[0].Start);
            }
        }, iter: 500);
    }

    [Fact]
    public void AnyInterleaving_ReplayOfTheAcceptedLogGivesTheIdenticalRecord()
    {
        s_inputs.Sample(inputs =>
        {
            var (record, log) = Fold(inputs);

            Assert.Equal(Json.Of(record), Json.Of(ScalpCoolingSession.Replay(SessionPolicy.Default, log)));
        }, iter: 500);
    }

    [Fact]
    public void AnyInterleaving_DuplicatedInputsChangeNothing()
    {
        Gen.Select(s_inputs, Gen.Int[0, 1000].Array[1, 30]).Sample((inputs, picks) =>
        {
            var (record, log) = Fold(inputs);
            var withDuplicates = new List<SessionInput>();
            for (var i = 0; i < log.Count; i++)
            {
                withDuplicates.Add(log[i]);
                foreach (var pick in picks.Where(p => p % log.Count == i))
                {
                    withDuplicates.Add(log[pick / 7 % (i + 1)]);
                }
            }

            Assert.Equal(Json.Of(record), Json.Of(Fold(withDuplicates).Record));
        }, iter: 500);
    }

    [Fact]
    public void Generator_ReachesEveryWayASessionEnds()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<SessionStatus, int>();
        var deviations = new System.Collections.Concurrent.ConcurrentDictionary<DeviationCode, int>();

        s_inputs.Sample(inputs =>
        {
            var record = Fold(inputs).Record;
            seen.AddOrUpdate(record.Status, 1, (_, n) => n + 1);
            foreach (var deviation in record.Deviations)
            {
                deviations.AddOrUpdate(deviation.Code, 1, (_, n) => n + 1);
            }
        }, iter: 1000);

        Assert.Superset(new HashSet<SessionStatus> { SessionStatus.Completed, SessionStatus.Aborted, SessionStatus.PostCooling, SessionStatus.Infusing }, seen.Keys.ToHashSet());
        Assert.Superset(new HashSet<DeviationCode> { DeviationCode.ShortPrecool, DeviationCode.Interrupted, DeviationCode.DeviceFault, DeviationCode.Overcool }, deviations.Keys.ToHashSet());
    }

    private static (ScalpCoolingSessionRecord Record, List<SessionInput> Log) Fold(List<SessionInput> inputs)
    {
        var session = new ScalpCoolingSession(SessionPolicy.Default);
        var log = inputs.Where(input => session.Apply(input).IsAccepted).ToList();
        return (session.ToRecord(), log);
    }
}
