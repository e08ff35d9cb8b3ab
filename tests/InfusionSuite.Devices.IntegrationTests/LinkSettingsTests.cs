using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>Bad settings stop the host at start; silent controllers go offline.</summary>
public sealed class LinkSettingsTests
{
    [Fact(Timeout = 15_000)]
    public async Task BadSettings_HostRefusesToStart_NamingTheSetting()
    {
        using var host = LinkHost.Build(new Dictionary<string, string?>
        {
            ["Controllers:Mqtt:Host"] = "127.0.0.1",
            ["Controllers:Mqtt:ReconnectDelayMin"] = "00:00:10",
            ["Controllers:Mqtt:ReconnectDelayMax"] = "00:00:01",
            ["Controllers:Serial:Ports:0:Path"] = "/dev/null",
            ["Controllers:Serial:Ports:0:ExpectedControllerId"] = "not an id!",
        }, new RecordingHandler());

        var failure = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ReconnectDelayMax", failure.Message + string.Join(" ", failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void NothingHeardForOfflineAfter_ControllerGoesOffline()
    {
        var presence = new ControllerPresence(Options.Create(new LivenessOptions { OfflineAfter = TimeSpan.FromSeconds(10) }));
        var start = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        Assert.True(presence.Heard(new ControllerPresenceChanged(true, PresenceReason.MessageReceived)
        {
            ControllerId = "CHAIR-07",
            Transport = CcpTransport.Mqtt,
            ReceivedAt = start,
        }));

        Assert.Empty(presence.MarkSilentOffline(start.AddSeconds(9.9)));
        Assert.True(presence.IsOnline("CHAIR-07"));
        Assert.Equal("CHAIR-07", Assert.Single(presence.MarkSilentOffline(start.AddSeconds(10))).ControllerId);
        Assert.False(presence.IsOnline("CHAIR-07"));
    }
}
