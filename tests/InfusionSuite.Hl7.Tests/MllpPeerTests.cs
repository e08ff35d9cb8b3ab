using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Transport;
using InfusionSuite.Testing;
using static InfusionSuite.Hl7.Tests.PeerReceived;

namespace InfusionSuite.Hl7.Tests;

/// <summary>Messages over MLLP to a real HL7 v2 receiver, read back and dictionary-checked by it.</summary>
[Collection(Hl7PeerCollection.Name)]
public sealed class MllpPeerTests(Hl7PeerFixture fixture)
{
    [Fact]
    public async Task CompletedSession_ReachesThePeerAsOneOruAndOneDftPerBilledCode()
    {
        var record = Hl7Sessions.Completed("peer-1");
        var messages = Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record));
        var transport = new MllpTransport(Options(fixture.Peer.Port));

        foreach (var message in messages)
        {
            var ack = await transport.SendAsync(message, CancellationToken.None);
            Assert.True(ack.Accepted, ack.Text);
            Assert.Equal(message.ControlId, ack.ControlId);
        }

        var received = await fixture.Peer.WaitForControlIdsAsync([.. messages.Select(m => m.ControlId)]);
        Assert.Equal(["ORU^R01", "DFT^P03", "DFT^P03"], received.Select(r => r.MessageType));
        Assert.All(received, r => Assert.Empty(r.Problems));
        var oru = received[0];
        Assert.Equal("peer-1", Value(oru.One("OBR"), 3));
        Assert.Equal("20261127090200-0500", Value(oru.One("OBR"), 7));
        Assert.Equal("20261127120700-0500", Value(oru.One("OBR"), 8));
        var obx = oru.All("OBX").ToDictionary(o => Value(o, 3) + "/" + Value(o, 4), o => Value(o, 5));
        Assert.Equal("30", obx["ISC-PRECOOL-MIN/"]);
        Assert.Equal("60", obx["ISC-INFUSION-MIN/"]);
        Assert.Equal("90", obx["ISC-POSTCOOL-MIN/"]);
        Assert.Equal("8", obx["ISC-INT-MIN/"]);
        Assert.Equal("INTERRUPTED", obx["ISC-DEVIATION/1"]);
        Assert.Equal("-4.0", obx["150344/coolant.setpoint"]); // as the device sent it (issue 13)
        Assert.Equal("M", obx["ISC-CAP-SIZE/"]);
        Assert.Equal("2", obx["ISC-TOLERANCE/"]);
        Assert.All(oru.All("OBX"), o => Assert.Equal("CHAIR-07", Value(o, 18)));
        var charges = received.Skip(1).Select(r => r.One("FT1")).ToList();
        Assert.Equal(["0663T", "0662T"], charges.Select(f => Value(f, 7)));
        Assert.All(charges, f =>
        {
            Assert.Equal("CG", Value(f, 6));
            Assert.Equal("20261127", Value(f, 4));
            Assert.Equal("1", Value(f, 10));
            Assert.Equal("MRN-100234", Value(received[1].One("PID"), 3));
        });
    }

    [Fact]
    public async Task TimeCodeWithThreeUnits_ArrivesAsFt1QuantityThree()
    {
        var record = Hl7Sessions.Completed("peer-8");
        var messages = Hl7Sessions.Messages().For(record, Hl7Sessions.Context(record) with { Charges = Hl7Sessions.Charges2026(record) });
        var transport = new MllpTransport(Options(fixture.Peer.Port));

        foreach (var message in messages)
        {
            Assert.True((await transport.SendAsync(message, CancellationToken.None)).Accepted);
        }

        var received = await fixture.Peer.WaitForControlIdsAsync([.. messages.Select(m => m.ControlId)]);
        Assert.All(received, r => Assert.Empty(r.Problems));
        var charges = received.Skip(1).Select(r => r.One("FT1")).ToDictionary(f => Value(f, 7), f => (Units: Value(f, 10), Display: Value(f, 7, 2)));
        Assert.Equal(["97008", "97009", "97007"], charges.Keys);
        Assert.Equal("3", charges["97009"].Units);
        Assert.Equal("1", charges["97008"].Units);
        Assert.Equal("Scalp cooling continued after the infusion ends, each 30 minutes", charges["97009"].Display);
    }

    [Fact]
    public async Task VoidAfterCharging_ReachesThePeerAsCredits()
    {
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("peer-2");
        var factory = Hl7Sessions.Messages();
        var charged = factory.For(completed, Hl7Sessions.Context(completed)).Where(m => m.Posting is not null).Select(m => m.Posting!.Line).ToList();
        var messages = factory.For(voided, Hl7Sessions.Context(voided) with { Charged = charged, Correction = true });
        var transport = new MllpTransport(Options(fixture.Peer.Port));

        foreach (var message in messages)
        {
            Assert.True((await transport.SendAsync(message, CancellationToken.None)).Accepted);
        }

        var received = await fixture.Peer.WaitForControlIdsAsync([.. messages.Select(m => m.ControlId)]);
        Assert.All(received, r => Assert.Empty(r.Problems));
        Assert.All(received[0].All("OBX"), o => Assert.Equal("W", Value(o, 11)));
        Assert.Equal(["CD", "CD"], received.Skip(1).Select(r => Value(r.One("FT1"), 6)));
    }

    [Fact]
    public async Task NoteWithEveryDelimiter_ArrivesIntact()
    {
        const string Note = @"Pt cold|asked for ^blanket~ & tea \ then fine";
        var record = Hl7Sessions.Completed("peer-3");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record, Note));

        var ack = await new MllpTransport(Options(fixture.Peer.Port)).SendAsync(message, CancellationToken.None);

        Assert.True(ack.Accepted);
        var received = (await fixture.Peer.WaitForControlIdsAsync([message.ControlId])).Single();
        Assert.Empty(received.Problems);
        Assert.Equal(Note, Value(received.All("OBX").Single(o => Value(o, 3) == "ISC-NOTE"), 5));
    }

    [Fact]
    public async Task ReceiverAnswersAE_TheTransportReportsTheRefusalWithItsText()
    {
        var record = Hl7Sessions.Completed("peer-4");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record) with { PatientId = "REFUSE-AE" });

        var ack = await new MllpTransport(Options(fixture.Peer.Port)).SendAsync(message, CancellationToken.None);

        Assert.False(ack.Accepted);
        Assert.Equal("AE", ack.Code);
        Assert.Equal(message.ControlId, ack.ControlId);
        Assert.Equal("Patient not found: MRN unknown to the interface | check PID-3 & resend", ack.Text);
    }

    [Fact]
    public async Task ReceiverAnswersAR_TheTransportReportsTheRejection()
    {
        var record = Hl7Sessions.Completed("peer-5");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record) with { PatientId = "REFUSE-AR" });

        var ack = await new MllpTransport(Options(fixture.Peer.Port)).SendAsync(message, CancellationToken.None);

        Assert.Equal("AR", ack.Code);
        Assert.Equal("Message rejected: unsupported event for this receiver", ack.Text);
    }

    [Fact]
    public async Task ReceiverDownThenUp_TheSameMessageIsDeliveredOnce()
    {
        var port = FreePort.Next();
        var record = Hl7Sessions.Completed("peer-6");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record));
        var transport = new MllpTransport(Options(port));

        await Assert.ThrowsAsync<Hl7DeliveryException>(() => transport.SendAsync(message, CancellationToken.None));
        await using var peer = await Hl7Peer.StartAsync(port);
        var ack = await transport.SendAsync(message, CancellationToken.None);

        Assert.True(ack.Accepted);
        var received = await peer.WaitForAsync(1);
        Assert.Equal([message.ControlId], received.Select(r => r.ControlId));
    }

    [Fact]
    public async Task ReceiverNeverAnswers_TheSendFailsAfterTheAckTimeout()
    {
        await using var peer = await Hl7Peer.StartAsync(mode: "silent");
        var record = Hl7Sessions.Completed("peer-7");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record));
        var options = Options(peer.Port);
        options.AckTimeout = TimeSpan.FromMilliseconds(500);

        var failure = await Assert.ThrowsAsync<Hl7DeliveryException>(() => new MllpTransport(options).SendAsync(message, CancellationToken.None));

        Assert.Contains("No acknowledgement", failure.Message, StringComparison.Ordinal);
        Assert.Single(await peer.WaitForAsync(1));
    }

    internal static Hl7Options Options(int port)
    {
        var options = Hl7Sessions.Options();
        options.Port = port;
        return options;
    }

}
