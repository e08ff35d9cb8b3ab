using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using static InfusionSuite.Domain.Sessions.NurseActionKind;

namespace InfusionSuite.Domain.Tests;

/// <summary>Which nurse actions are possible now, for every status: the list the board and the session page show.</summary>
public sealed class NurseActionAvailabilityTests
{
    public static TheoryData<string> Statuses() => [.. SessionsInEveryStatus.All.Keys];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void EachStatus_OffersTheActionsTheRulesAccept(string status)
    {
        var chair = SessionsInEveryStatus.All[status]();

        Assert.Equal(status.Split(' ')[0], chair.Record.Status.ToString());
        Assert.Equal(Expected[status], chair.Record.PossibleNurseActions);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void EveryOfferedAction_IsAcceptedNow_AndEveryOtherStepIsRefused(string status)
    {
        foreach (var kind in NurseActionAvailability.Order)
        {
            var chair = SessionsInEveryStatus.All[status]();
            var offered = chair.Record.PossibleNurseActions.Contains(kind);
            var ended = chair.Record.Boundaries.EndedAt is not null;
            chair.Minutes(1);
            var outcome = chair.Apply(Action(kind, chair.Now));
            if (offered)
            {
                Assert.True(outcome.IsAccepted, $"{status}: {kind} is offered but {outcome.Reason}");
            }
            else if (kind != CapPlaced && !(ended && NurseActionAvailability.IsStep(kind)))
            {
                // Not offered though the rules accept them: "Cap placed" once a placement is known, and a step
                // after the end (a nurse may still document her removal after the controller's).
                Assert.False(outcome.IsAccepted, $"{status}: {kind} is not offered but was accepted");
            }
        }
    }

    [Fact]
    public void Steps_AreThePhaseActionsAndAbort()
    {
        Assert.Equal([CapPlaced, InfusionStarted, InfusionEnded, CapRemoved, Abort], NurseActionAvailability.Order.Where(NurseActionAvailability.IsStep));
    }

    private static readonly Dictionary<string, NurseActionKind[]> Expected = new(StringComparer.Ordinal)
    {
        ["Started"] = [CapPlaced, InfusionStarted, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["Fitting"] = [CapPlaced, InfusionStarted, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["PreCooling"] = [InfusionStarted, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["PreCooling (placed by the nurse)"] = [InfusionStarted, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["Infusing"] = [InfusionEnded, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["PostCooling"] = [CapRemoved, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["WarmingUp"] = [CapRemoved, Abort, Tolerance, AdverseEvent, NurseActionKind.Void],
        ["Completed"] = [Tolerance, AdverseEvent, NurseActionKind.Void],
        ["Aborted"] = [CapRemoved, Tolerance, AdverseEvent, NurseActionKind.Void], // the cap still comes off after an abort
        ["Voided"] = [],
    };

    private static NurseAction Action(NurseActionKind kind, DateTimeOffset now) => kind switch
    {
        CapPlaced => new PlaceCap(now, SessionScenario.NurseId),
        InfusionStarted => new StartInfusion(now, SessionScenario.NurseId),
        InfusionEnded => new EndInfusion(now, SessionScenario.NurseId),
        CapRemoved => new RemoveCap(now, SessionScenario.NurseId),
        Abort => new AbortSession(now, SessionScenario.NurseId, AbortReason.PatientRequest),
        Tolerance => new RecordTolerance(now, SessionScenario.NurseId, 3),
        AdverseEvent => new RecordAdverseEvent(now, SessionScenario.NurseId, AdverseEventKind.Headache),
        NurseActionKind.Void => new VoidSession(now, SessionScenario.NurseId, VoidReason.EnteredInError),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
