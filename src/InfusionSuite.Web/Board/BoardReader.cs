using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Board;

/// <summary>
/// Builds what a screen shows from the worker's board: every configured or known chair, with the
/// live view of its current session. Patient fields are filled only when <c>showPatients</c>: the
/// filtering is done here, on the server.
/// </summary>
internal sealed class BoardReader(IChairBoard board, IPatientNames patients, IOptions<NurseStationOptions> options, TimeProvider timeProvider)
{
    public async Task<BoardView> ReadAsync(bool showPatients, bool runsSessions, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var rows = board.Current();
        var names = showPatients
            ? await patients.FindAsync([.. rows.Where(r => r.Record is not null).Select(r => r.Record!.Plan.PatientReference).Distinct(StringComparer.Ordinal)], cancellationToken)
            : new Dictionary<string, string>();
        var settings = options.Value;
        var chairs = new List<ChairView>(rows.Count + settings.Chairs.Count);
        chairs.AddRange(rows.Select(row => Chair(row, settings, showPatients ? names : null, runsSessions)));
        foreach (var configured in settings.Chairs.Keys.Where(id => rows.All(r => r.ControllerId != id)))
        {
            chairs.Add(Chair(new ChairBoardRow(configured, false, null, null, null), settings, null, runsSessions));
        }

        chairs.Sort((a, b) => string.Compare(a.Label, b.Label, StringComparison.OrdinalIgnoreCase));
        return new BoardView(now, showPatients, runsSessions, chairs);
    }

    /// <summary>One chair; the possible actions are the domain's (<see cref="ScalpCoolingSessionRecord.PossibleNurseActions"/>), only for users who run sessions.</summary>
    internal static ChairView Chair(ChairBoardRow row, NurseStationOptions settings, IReadOnlyDictionary<string, string>? names, bool runsSessions)
    {
        var label = settings.ChairLabel(row.ControllerId);
        if (row is not { Record: { } record, Live: { } live })
        {
            return new ChairView(row.ControllerId, label, row.ControllerOnline, null, null, null, null, null, null, null, null, null, null, null, [], false, false, false, true, [], []);
        }

        var patient = names is null ? null
            : new PatientView(record.Plan.PatientReference, names.TryGetValue(record.Plan.PatientReference, out var name) ? name : null);
        var phase = SessionLiveViewPhase(record);
        return new ChairView(
            row.ControllerId,
            label,
            row.ControllerOnline,
            row.SessionId,
            patient,
            live.Status.ToString(),
            phase?.ToString(),
            Seconds(live.PhaseElapsed),
            Seconds(live.PhaseTarget),
            Seconds(live.RemainingToTarget),
            live.LatestCoolant?.Celsius,
            live.LatestScalp?.Celsius,
            record.Temperatures.Setpoint?.Celsius,
            live.CoolantAtSetpoint,
            [.. live.ActiveAlarms.Select(AlarmView.Of)],
            live.ReadyForInfusion,
            live.Status == SessionStatus.PreCooling && live.RemainingToTarget == TimeSpan.Zero,
            live.PostCoolingCompleteRemoveCap,
            live.Status is SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided,
            runsSessions ? Actions(record, steps: true) : [],
            runsSessions ? Actions(record, steps: false) : [],
            record.Controller.ClockSkew.Warning);
    }

    private static List<string> Actions(ScalpCoolingSessionRecord record, bool steps) =>
        [.. record.PossibleNurseActions.Where(kind => NurseActionAvailability.IsStep(kind) == steps).Select(NurseActionNames.Of)];

    private static SessionPhase? SessionLiveViewPhase(ScalpCoolingSessionRecord record) =>
        record.Status is SessionStatus.PreCooling or SessionStatus.Infusing or SessionStatus.PostCooling or SessionStatus.WarmingUp
        && record.Phases.Count > 0 && record.Phases[^1].End is null
            ? record.Phases[^1].Phase
            : null;

    private static long? Seconds(TimeSpan? span) => span is { } s ? (long)s.TotalSeconds : null;
}
