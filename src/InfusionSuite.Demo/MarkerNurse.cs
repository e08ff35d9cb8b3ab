using System.Collections.Concurrent;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Running;

namespace InfusionSuite.Demo;

/// <summary>
/// Plays the nurse for simulated chairs (the demo's autopilot, and the worker tests): each simulator
/// marker becomes the nurse action through <see cref="INurseActions"/>, effective at the marker's
/// instant. While no worker is attached (a restart in a test), it waits for one.
/// </summary>
internal sealed class MarkerNurse(
    TimeProvider clock, string nurseId, Func<NurseMarker, PatientVisit>? visitFor = null, ILogger? logger = null)
    : ISimulationObserver
{
    private TaskCompletionSource<INurseActions> _nurse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The latest session started on each controller.</summary>
    public ConcurrentDictionary<string, string> SessionByController { get; } = new(StringComparer.Ordinal);

    /// <summary>Actions not accepted, in words (tests assert there is none; the demo logs them too).</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    public void Attach(INurseActions nurse) => _nurse.TrySetResult(nurse);

    public void Detach() => _nurse = new TaskCompletionSource<INurseActions>(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask OnItemAsync(SimulatedChair chair, TimelineItem item, CancellationToken cancellationToken)
    {
        if (item is not NurseMarkerItem { Marker: var marker })
        {
            return;
        }

        // A scaled timer may wake the chair a hair before the marker's instant: the nurse acts at it, not before.
        while (clock.GetUtcNow() < marker.At)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken);
        }

        var nurse = await _nurse.Task.WaitAsync(cancellationToken);
        var id = chair.ControllerId;
        NurseActionResult result;
        if (marker.Kind == NurseMarkerKind.SessionStart)
        {
            var visit = visitFor?.Invoke(marker) ?? PatientVisit.ForController(id);
            result = await nurse.StartSessionAsync(StartRequest(marker, visit), cancellationToken);
            if (result.SessionId is { } started)
            {
                SessionByController[id] = started;
            }
        }
        else if (SessionByController.TryGetValue(id, out var sessionId))
        {
            result = marker.Kind switch
            {
                NurseMarkerKind.InfusionStarted => await nurse.InfusionStartedAsync(sessionId, nurseId, marker.At, cancellationToken),
                NurseMarkerKind.InfusionEnded => await nurse.InfusionEndedAsync(sessionId, nurseId, marker.At, cancellationToken),
                _ => await nurse.CapRemovedAsync(sessionId, nurseId, marker.At, cancellationToken),
            };
        }
        else
        {
            result = new NurseActionResult(NurseActionOutcome.SessionNotFound, RefusalReason.None, "No session was started on this chair.", null, null);
        }

        if (!result.IsAccepted)
        {
            Failures.Enqueue($"{id} {marker.Kind}: {result.Outcome} {result.Reason}");
            if (logger is not null)
            {
                DemoLog.NurseActionNotAccepted(logger, id, marker.Kind, result.Outcome, result.Reason);
            }
        }
    }

    private StartSessionRequest StartRequest(NurseMarker marker, PatientVisit visit)
    {
        var plan = marker.Plan;
        return new StartSessionRequest(
            nurseId, marker.ControllerId, visit.CourseId, visit.PatientReference, visit.Administration,
            Targets: new RegimenTargets(TimeSpan.FromMinutes(plan.PrecoolTargetMinutes), TimeSpan.FromMinutes(plan.PostcoolTargetMinutes)),
            CapSize: Enum.Parse<CapSize>(plan.CapSize),
            FirstOfCourse: plan.FirstOfCourse,
            EffectiveAt: marker.At,
            PatientName: visit.DisplayName,
            EncounterReference: visit.EncounterReference,
            ConfirmUnheardController: true); // a chair the simulator runs, whether or not its hello has arrived yet
    }
}
