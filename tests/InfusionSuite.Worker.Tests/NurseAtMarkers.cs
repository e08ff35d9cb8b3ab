using System.Collections.Concurrent;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Running;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// Plays the nurse: each simulator marker becomes the nurse action through the worker's application
/// service, effective at the marker's instant. While no worker is up (a restart), it waits for one.
/// The patient reference is <c>patient-{controllerId}</c> unless <paramref name="patientOf"/> says otherwise.
/// </summary>
internal sealed class NurseAtMarkers(TimeProvider clock, Func<string, string>? patientOf = null) : ISimulationObserver
{
    private TaskCompletionSource<INurseActions> _nurse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, string> SessionByController { get; } = new(StringComparer.Ordinal);

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
        var plan = marker.Plan;
        NurseActionResult result;
        if (marker.Kind == NurseMarkerKind.SessionStart)
        {
            result = await nurse.StartSessionAsync(
                new StartSessionRequest(
                    "nurse-7", id, "course-" + id, patientOf?.Invoke(id) ?? "patient-" + id, new ChemoAdministration("ma-" + id, "96413"),
                    Targets: new RegimenTargets(TimeSpan.FromMinutes(plan.PrecoolTargetMinutes), TimeSpan.FromMinutes(plan.PostcoolTargetMinutes)),
                    CapSize: Enum.Parse<CapSize>(plan.CapSize),
                    FirstOfCourse: plan.FirstOfCourse,
                    EffectiveAt: marker.At),
                cancellationToken);
            if (result.SessionId is { } sessionId)
            {
                SessionByController[id] = sessionId;
            }
        }
        else
        {
            var sessionId = SessionByController[id];
            result = marker.Kind switch
            {
                NurseMarkerKind.InfusionStarted => await nurse.InfusionStartedAsync(sessionId, "nurse-7", marker.At, cancellationToken),
                NurseMarkerKind.InfusionEnded => await nurse.InfusionEndedAsync(sessionId, "nurse-7", marker.At, cancellationToken),
                _ => await nurse.CapRemovedAsync(sessionId, "nurse-7", marker.At, cancellationToken),
            };
        }

        if (!result.IsAccepted)
        {
            Failures.Enqueue($"{id} {marker.Kind}: {result.Outcome} {result.Reason}");
        }
    }
}
