using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Tests;

/// <summary>Issue 13: the controller's last setpoint, reported before any session, belongs to the session from its start.</summary>
public sealed class SetpointIngestTests
{
    [Fact(Timeout = 30_000)]
    public async Task SetpointReportedWhilePrechilling_BeforeTheStart_IsTheSessionsSetpoint_AndIsStoredWithIt()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-35", writer.Clock);
        await writer.SendAsync(chair.Event(0, ControllerEventKind.Setpoint, "-5.0"));
        await writer.SendAsync(chair.Event(1, ControllerEventKind.Setpoint, "-4.5"));
        await Timeouts.UntilAsync(() => writer.Store.Inputs.Count == 2, "the unassigned events stored");
        writer.Clock.Advance(TimeSpan.FromMinutes(15));

        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
        Assert.Equal(Temperature.FromCelsius(-4.5m), started.Record!.Temperatures.Setpoint);
        Assert.Equal(SetpointSource.Controller, started.Record.Temperatures.SetpointSource);
        var stored = (await writer.Store.LoadSessionAsync(started.SessionId!, Timeouts.Token()))!;
        Assert.Contains(stored.Log, i => i is ControllerSetpointKnown { Setpoint.Tenths: -45 });
    }

    [Fact(Timeout = 30_000)]
    public async Task ControllerThatNeverReportedASetpoint_StartsWithNone()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-36", writer.Clock);

        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        Assert.Null(started.Record!.Temperatures.Setpoint);
    }
}
