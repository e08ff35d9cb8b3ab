using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Devices.Tests;

public sealed class CcpMetricsTests
{
    [Fact]
    public void BeforeAnyFrame_EverySeriesIsReportedAtZero()
    {
        using var counts = new CcpCounts();

        var series = counts.Read();

        var reasons = Enum.GetValues<CcpRejection>().Where(r => r != CcpRejection.None).ToList();
        foreach (var transport in new[] { "serial", "mqtt" })
        {
            foreach (var name in new[] { CcpMetrics.AcceptedName, CcpMetrics.DuplicateName, CcpMetrics.ReconnectName })
            {
                Assert.Equal(0, Assert.Contains($"{name}|transport={transport}", series));
            }

            Assert.All(reasons, r => Assert.Equal(0, Assert.Contains($"{CcpMetrics.RejectedName}|transport={transport}|reason={CcpRejectionNames.Of(r)}", series)));
        }

        Assert.Equal(2 * (3 + reasons.Count), series.Count);
    }

    [Fact]
    public void EachCount_LandsInItsOwnSeriesOnly()
    {
        using var counts = new CcpCounts();

        counts.Metrics.Count(CcpTransport.Mqtt, CcpRejection.NotJson);
        counts.Metrics.Count(CcpTransport.Mqtt, CcpRejection.NotJson);
        counts.Metrics.Count(CcpTransport.Serial, CcpRejection.TooLong);
        counts.Metrics.Count(CcpTransport.Serial, CcpRejection.None);
        counts.Metrics.Rejected(CcpTransport.Serial, CcpRejection.None);

        Assert.Equal(2, counts.Rejected(CcpRejection.NotJson, "mqtt"));
        Assert.Equal(1, counts.Rejected(CcpRejection.TooLong));
        Assert.Equal(0, counts.Rejected(CcpRejection.TooLong, "mqtt"));
        Assert.Equal(1, counts.Accepted());
        Assert.Equal(0, counts.Accepted("mqtt"));
        Assert.Equal(3, counts.TotalRejected);
    }
}
