using InfusionSuite.Application.Board;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Tests;
using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Tests;

/// <summary>The buttons a chair card shows are the domain's list of possible actions, for every status: the pages keep no rules.</summary>
public sealed class ChairActionsTests
{
    public static TheoryData<string> Statuses() => [.. SessionsInEveryStatus.All.Keys];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void ChairView_OffersExactlyTheDomainsActions_StepsThenDocumentation(string status)
    {
        var chair = SessionsInEveryStatus.All[status]();
        var record = chair.Record;
        var row = new ChairBoardRow(record.Plan.ControllerId, true, record.Plan.SessionId, SessionLiveView.At(record, chair.Now), record);

        var view = BoardReader.Chair(row, new NurseStationOptions(), null, runsSessions: true);

        Assert.Equal(record.PossibleNurseActions.Select(NurseActionNames.Of), [.. view.Actions, .. view.DocumentationActions]);
        Assert.Equal(record.PossibleNurseActions.Where(NurseActionAvailability.IsStep).Select(NurseActionNames.Of), view.Actions);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void ChairView_ForSomeoneWhoDoesNotRunSessions_OffersNoAction(string status)
    {
        var chair = SessionsInEveryStatus.All[status]();
        var record = chair.Record;
        var row = new ChairBoardRow(record.Plan.ControllerId, true, record.Plan.SessionId, SessionLiveView.At(record, chair.Now), record);

        var view = BoardReader.Chair(row, new NurseStationOptions(), null, runsSessions: false);

        Assert.Empty(view.Actions);
        Assert.Empty(view.DocumentationActions);
    }
}
