using InfusionSuite.Application.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Controllers register themselves only up to <c>Ingest:AutoRegisteredControllerLimit</c>: the messages of any
/// more are acknowledged (so the broker does not resend them for ever), counted per id and not stored; a chair a
/// nurse starts a session on is admitted whatever the limit.
/// </summary>
public sealed class ControllerAdmissionTests
{
    [Fact]
    public async Task OverTheLimit_MessagesAreRefusedCountedAndAcknowledged_NotStored_UntilANurseStartsASessionThere()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:AutoRegisteredControllerLimit"] = "2" });
        var a = new Chair("CHAIR-A", writer.Clock);
        var b = new Chair("CHAIR-B", writer.Clock);
        var stranger = new Chair("SPOOF-1", writer.Clock);
        await writer.SendAsync(a.Sample(1));
        await writer.SendAsync(b.Sample(1));
        var refusedAck = new HeldAcknowledgement();
        await writer.SendAsync(stranger.Sample(1, refusedAck));
        await writer.SendAsync(stranger.Sample(2));
        await writer.SendAsync(a.Sample(2));

        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count == 3, "the admitted controllers' samples stored");
        await refusedAck.Done.WaitAsync(Timeouts.Token());
        Assert.DoesNotContain(writer.Store.Telemetry, t => t.Sample.ControllerId == "SPOOF-1");
        var admission = writer.Services.GetRequiredService<ControllerAdmission>();
        var refused = Assert.Single(admission.Refused());
        Assert.Equal(("SPOOF-1", 2L), (refused.ControllerId, refused.Messages));
        Assert.Equal(2L, admission.RefusedMessages);
        Assert.False(admission.IsAdmitted("SPOOF-1"));

        var started = await writer.Nurse.StartSessionAsync(stranger.Start(), Timeouts.Token());
        Assert.True(started.IsAccepted, started.Message);
        await writer.SendAsync(stranger.Sample(3));
        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Any(t => t.Sample.ControllerId == "SPOOF-1"), "the chair's sample stored once a session runs there");
        Assert.Equal(2L, admission.RefusedMessages);
    }

    [Fact]
    public async Task LimitZero_AdmitsOnlyWhatIsConfiguredOrKnown()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:AutoRegisteredControllerLimit"] = "0" });
        var ack = new HeldAcknowledgement();
        await writer.SendAsync(new Chair("CHAIR-Z", writer.Clock).Sample(1, ack));

        await ack.Done.WaitAsync(Timeouts.Token());
        Assert.Empty(writer.Store.Telemetry);
        Assert.Equal(1L, writer.Services.GetRequiredService<ControllerAdmission>().RefusedMessages);
    }
}
