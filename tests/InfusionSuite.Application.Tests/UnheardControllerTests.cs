using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Nursing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Issue 13: a start on a chair whose controller has never been heard from (not configured, never stored, silent
/// since the start) asks the nurse to confirm the chair: a mistyped id would start a session no controller feeds and
/// leave a phantom chair on the board for good. Confirmed, it starts, and the confirmation is audited.
/// </summary>
public sealed class UnheardControllerTests
{
    [Fact]
    public async Task StartOnAChairNeverHeardFrom_AsksToConfirmTheChair_StoresNothing_ThenStartsWhenConfirmed_Audited()
    {
        await using var writer = await WriterHarness.StartAsync();
        var typo = new Chair("CHAIR-O7", writer.Clock);

        var asked = await writer.Nurse.StartSessionAsync(typo.Start() with { ConfirmUnheardController = false }, Timeouts.Token());

        Assert.Equal(NurseActionOutcome.NeedsConfirmation, asked.Outcome);
        Assert.Equal(StartConfirmations.UnheardController, asked.Field);
        Assert.Contains("CHAIR-O7", asked.Message, StringComparison.Ordinal);
        Assert.Contains("never been heard from", asked.Message, StringComparison.Ordinal);
        Assert.Null(asked.SessionId);
        Assert.Empty(writer.Store.Inputs);
        Assert.DoesNotContain(writer.Board.Current(), row => row.ControllerId == "CHAIR-O7");
        Assert.False(writer.Services.GetRequiredService<ControllerAdmission>().HasBeenHeard("CHAIR-O7"));

        var started = await writer.Nurse.StartSessionAsync(typo.Start(), Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
        await Timeouts.UntilAsync(() => writer.Store.Audit.Count == 1, "the start audited");
        Assert.Contains("chair confirmed by the nurse", writer.Store.Audit[0].Change, StringComparison.Ordinal);
        Assert.True(writer.Services.GetRequiredService<ControllerAdmission>().HasBeenHeard("CHAIR-O7"));
    }

    [Fact]
    public async Task StartOnAChairWhoseControllerHasSpoken_NeedsNoConfirmation()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-07", writer.Clock);
        await writer.SendAsync(chair.Sample(1));
        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count == 1, "the controller heard");

        var started = await writer.Nurse.StartSessionAsync(chair.Start() with { ConfirmUnheardController = false }, Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
        await Timeouts.UntilAsync(() => writer.Store.Audit.Count == 1, "the start audited");
        Assert.DoesNotContain("chair confirmed", writer.Store.Audit[0].Change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedControllerOverTheLimit_HasBeenHeard_StartNeedsNoConfirmation()
    {
        await using var writer = await WriterHarness.StartAsync(new Dictionary<string, string?> { ["Ingest:AutoRegisteredControllerLimit"] = "0" });
        var chair = new Chair("CHAIR-09", writer.Clock);
        var ack = new HeldAcknowledgement();
        await writer.SendAsync(chair.Sample(1, ack));
        await ack.Done.WaitAsync(Timeouts.Token());

        var started = await writer.Nurse.StartSessionAsync(chair.Start() with { ConfirmUnheardController = false }, Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
    }
}
