using InfusionSuite.Application.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// One line when the database is lost and one when it is back, whatever the loops meeting it (issue 18: a restart under load
/// logged two outages on one node, because a board read begun before the server stopped succeeded after the listener's
/// report and ended the outage while the server was still going down).
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeoutException s_away = new(SimulatedOutages.Message);

    [Fact]
    public void UseBegunBeforeTheOutageWasReported_SucceedingAfterIt_DoesNotEndTheOutage()
    {
        var logs = new FakeLogCollector();
        var outage = new DatabaseOutage(new SimulatedOutages(), new FakeLogger<DatabaseOutage>(logs));

        var boardBegan = outage.Mark();           // the board's read is on its way
        Assert.True(outage.Report("the listener", s_away)); // the server stops: the listener's connection is terminated
        outage.Reached("the board", boardBegan);  // the read begun before finishes
        Assert.True(outage.IsDown);
        Assert.True(outage.Report("the board", s_away)); // the next read meets the stopping server: the same outage

        var leasesBegan = outage.Mark();
        outage.Reached("the site leases", leasesBegan); // a use begun after the report succeeds: the database is back
        Assert.False(outage.IsDown);

        var lines = logs.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Single(lines, l => l.StartsWith("Database unreachable", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("Database reachable again (seen by the site leases)", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void SecondOutageAfterTheDatabaseCameBack_IsReportedAgain()
    {
        var logs = new FakeLogCollector();
        var outage = new DatabaseOutage(new SimulatedOutages(), new FakeLogger<DatabaseOutage>(logs));

        outage.Report("the ingest writer", s_away);
        outage.Reached("the ingest writer", outage.Mark());
        outage.Report("the board", s_away);
        outage.Reached("the board", outage.Mark());

        Assert.Equal(
            ["unreachable", "reachable again", "unreachable", "reachable again"],
            logs.GetSnapshot().Select(r => r.Message.StartsWith("Database unreachable", StringComparison.Ordinal) ? "unreachable" : "reachable again"));
    }

    [Fact]
    public void NotAnOutage_IsNotReported_AndChangesNothing()
    {
        var logs = new FakeLogCollector();
        var outage = new DatabaseOutage(new SimulatedOutages(), new FakeLogger<DatabaseOutage>(logs));

        Assert.False(outage.Report("the board", new InvalidOperationException("a bug")));
        Assert.False(outage.IsDown);
        Assert.Empty(logs.GetSnapshot());
    }
}
