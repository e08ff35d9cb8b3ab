using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Running;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The nurse of simulated chairs, at the REST API of whichever node the load balancer gives her
/// (<paramref name="nodeFor"/> picks it per action): each simulator marker becomes its action, effective at the
/// marker's instant, and its answer is kept (node, status code, session status) for the test to assert.
/// </summary>
internal sealed class NodesNurse(Func<NurseMarker, (string Name, HttpClient Client)> nodeFor, Func<string, string> patientFor) : ISimulationObserver
{
    /// <summary>Every answer, in words: <c>CHAIR-01 InfusionStarted at worker-b: 200 Infusing</c>.</summary>
    public ConcurrentQueue<string> Answers { get; } = new();

    /// <summary>Answers that were not a success.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    public static string SessionOf(string controllerId) => "s-" + controllerId.ToLowerInvariant();

    /// <summary>The visit number the nurse gives at the start of <paramref name="session"/>.</summary>
    public static string VisitOf(string session) => "V-" + session;

    /// <summary>The chemotherapy order the nurse picks at the start of <paramref name="session"/>.</summary>
    public static string AdministrationOf(string session) => "ma-" + session;

    public async ValueTask OnItemAsync(SimulatedChair chair, TimelineItem item, CancellationToken cancellationToken)
    {
        if (item is not NurseMarkerItem { Marker: var marker })
        {
            return;
        }

        while (TimeProvider.System.GetUtcNow() < marker.At)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken);
        }

        var (node, client) = nodeFor(marker);
        var session = SessionOf(chair.ControllerId);
        var plan = marker.Plan;
        using var response = marker.Kind switch
        {
            NurseMarkerKind.SessionStart => await client.PostAsJsonAsync("/api/sessions", new
            {
                controllerId = chair.ControllerId, patientReference = patientFor(chair.ControllerId), patientName = "Jane Roe",
                administrationId = AdministrationOf(session), primaryCptCode = "96413", regimenPreset = "Standard",
                preCoolingMinutes = (int)plan.PrecoolTargetMinutes, postCoolingMinutes = (int)plan.PostcoolTargetMinutes,
                capSize = plan.CapSize, firstOfCourse = plan.FirstOfCourse, effectiveAt = marker.At, sessionId = session,
                encounter = VisitOf(session), confirmUnheardController = true,
            }, cancellationToken),
            _ => await client.PostAsJsonAsync($"/api/sessions/{session}/{Step(marker.Kind)}", new { effectiveAt = marker.At }, cancellationToken),
        };
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = response.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.TryGetProperty("status", out var s) ? s.GetString() : body;
        var answer = $"{chair.ControllerId} {marker.Kind} at {node}: {(int)response.StatusCode} {status}";
        Answers.Enqueue(answer);
        if (!response.IsSuccessStatusCode)
        {
            Failures.Enqueue(answer);
        }
    }

    private static string Step(NurseMarkerKind kind) => kind switch
    {
        NurseMarkerKind.InfusionStarted => "infusion-started",
        NurseMarkerKind.InfusionEnded => "infusion-ended",
        _ => "cap-removed",
    };
}
