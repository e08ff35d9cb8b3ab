using System.Globalization;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Demo;

/// <summary>
/// Creates the demo's accounts, runs the six chairs over the embedded broker and plays their nurse
/// (the <c>demo-nurse</c> account): each chair runs its
/// scenario, waits a turnover, and starts again with the next patient, until the host stops. Sessions
/// an earlier run left open on the demo nurse's chairs are stopped first (<see cref="AbortReason.Other"/>), so
/// each of them starts afresh; a session a person runs (a free chair, any other) is theirs and stays open.
/// </summary>
internal sealed class DemoAutopilot(
    DemoSettings settings,
    TimeProvider clock,
    IngestState ingest,
    IChairBoard board,
    INurseActions nurseActions,
    DemoAccounts accounts,
    DemoHistory history,
    IHostApplicationLifetime lifetime,
    ILogger<DemoAutopilot> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stop the chairs as soon as the host begins to stop, before the writer and the links do.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        try
        {
            while (!ingest.IsRunning)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, token);
            }

            var nurseId = await accounts.EnsureAsync(token);
            await EndLeftoverSessionsAsync(nurseId, token);
            await history.SeedAsync(nurseId, token);
            var nurse = new MarkerNurse(clock, nurseId, VisitFor, logger);
            nurse.Attach(nurseActions);
            var first = clock.GetUtcNow();
            var free = DemoChairs.FreeScenario(settings.TimeScale);
            await Task.WhenAll(DemoChairs.All(settings.TimeScale).Select(c =>
                RunChairAsync(c.Chair, c.Scenario, first + (DemoChairs.Stagger * c.Chair.Index), nurse, token))
                .Concat(DemoChairs.Free(settings.FreeChairs).Select(c => RunChairAsync(c, free, first + DemoChairs.Stagger, null, token, new FreeChairNurse(board, c.ControllerId)))));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Ctrl-C: the chairs stop where they are; their open sessions are ended at the next start.
        }
    }

    private async Task EndLeftoverSessionsAsync(string nurseId, CancellationToken cancellationToken)
    {
        var autopiloted = DemoChairs.All(settings.TimeScale).Select(c => c.Chair.ControllerId).ToHashSet(StringComparer.Ordinal);
        foreach (var row in board.Current())
        {
            if (row is { SessionId: { } sessionId, Record.Status: < SessionStatus.Completed } && autopiloted.Contains(row.ControllerId))
            {
                var result = await nurseActions.AbortAsync(sessionId, nurseId, AbortReason.Other, "left open by an earlier run of the demo", null, cancellationToken);
                DemoLog.LeftoverSessionEnded(logger, sessionId, row.ControllerId, result.Outcome);
            }
        }
    }

    /// <summary>
    /// Runs one chair's controller round after round; <paramref name="nurse"/> null for a free chair, whose controller
    /// follows what a <paramref name="person"/> documents on the board (it waits, pre-chilling, for them to start a session).
    /// </summary>
    private async Task RunChairAsync(SimulatedChair chair, Scenario scenario, DateTimeOffset start, MarkerNurse? nurse, CancellationToken cancellationToken, FreeChairNurse? person = null)
    {
        for (var round = 1; !cancellationToken.IsCancellationRequested; round++)
        {
            try
            {
                await using var output = new MqttControllerOutput(new MqttOutputOptions
                {
                    Host = "127.0.0.1",
                    Port = settings.BrokerPort,
                    Site = DemoSettings.Site,
                    ControllerId = chair.ControllerId,
                });
                await new SimulatedController(scenario, chair, round, output, clock, start, nurse: person is null ? null : person.Progress).RunAsync(nurse, cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return; // stopping: a publish cut short may surface as a timeout rather than a cancellation
            }
            catch (Exception e)
            {
                DemoLog.ChairFailed(logger, chair.ControllerId, e);
            }

            start = clock.GetUtcNow() + DemoChairs.Turnover;
        }
    }

    /// <summary>A new synthetic patient (an MRN and a made-up name of the chair's own) and course for each session, named after the chair and the start instant.</summary>
    private static PatientVisit VisitFor(NurseMarker marker)
    {
        var chair = marker.ControllerId.Replace("CHAIR-", "", StringComparison.Ordinal);
        var visit = chair + "-" + marker.At.UtcDateTime.ToString("yyMMddHHmm", CultureInfo.InvariantCulture);
        var name = DemoPatientNames.ForChair(int.Parse(chair, CultureInfo.InvariantCulture) - 1, marker.At.ToUnixTimeSeconds() / 60);
        return new PatientVisit("demo-course-" + visit, "DEMO-" + visit, new ChemoAdministration("MedicationAdministration/demo-" + visit, "96413"), name, "Encounter/demo-visit-" + visit);
    }
}
