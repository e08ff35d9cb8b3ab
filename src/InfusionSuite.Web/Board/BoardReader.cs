using System.Globalization;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Board;

/// <summary>
/// Builds what a screen shows from the worker's board: every configured or known chair (known: heard since start,
/// or stored from before a restart), with the live view of its current session, and the urgency strip. Patient
/// fields are filled only when <c>showPatients</c>: the filtering is done here, on the server.
/// </summary>
internal sealed class BoardReader(
    IChairBoard board,
    IControllerPresence presence,
    IPatientNames patients,
    KnownChairs known,
    ISessionDirectory directory,
    IOptions<NurseStationOptions> options,
    IOptions<BillingOptions> billing,
    ControllerAdmission admission,
    TimeProvider timeProvider)
{
    public async Task<BoardView> ReadAsync(bool showPatients, bool runsSessions, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!board.Loaded)
        {
            // After a start, before the open sessions are rebuilt: no chair is known free, so none is sent (issue 16).
            return new BoardView(now, showPatients, runsSessions, [], [], billing.Value.SiteTimeZone) { Loading = true };
        }

        var rows = board.Current();
        var names = showPatients
            ? await patients.FindForSessionsAsync([.. rows.Where(r => r.Record is not null).Select(r => r.Record!.Plan.SessionId)], cancellationToken)
            : new Dictionary<string, string>();
        var settings = options.Value;
        var stored = await known.StoredAsync(cancellationToken);
        var visibility = new ChairVisibility(settings, now);
        var listings = runsSessions
            ? new Dictionary<string, ControllerListing>(StringComparer.Ordinal)
            : (await directory.ControllersAsync(cancellationToken)).ToDictionary(c => c.ControllerId, StringComparer.Ordinal);
        var heardSinceStart = presence.KnownControllers().Where(admission.IsAdmitted).ToHashSet(StringComparer.Ordinal);
        var chairs = new List<ChairView>(rows.Count + settings.Chairs.Count);
        chairs.AddRange(rows
            .Where(row => visibility.Shows(row.ControllerId, row.Record, row.ControllerOnline, row.Reading?.ReceivedAt, stored.GetValueOrDefault(row.ControllerId), row.Use))
            .Select(row => Chair(
                row, settings, showPatients ? names : null, runsSessions, listings.GetValueOrDefault(row.ControllerId),
                controllerKnown: heardSinceStart.Contains(row.ControllerId) || stored.ContainsKey(row.ControllerId))));
        foreach (var id in settings.Chairs.Keys.Concat(stored.Keys).Distinct(StringComparer.Ordinal)
            .Where(id => rows.All(r => r.ControllerId != id) && visibility.Shows(id, null, presence.IsOnline(id), null, stored.GetValueOrDefault(id))))
        {
            // Configured or stored, with no row of the board's: online as the presence (this node's links, or the site's owner) says.
            chairs.Add(Chair(new ChairBoardRow(id, presence.IsOnline(id), null, null, null, ControllerInHandover: presence.InHandover(id)), settings, null, runsSessions, listings.GetValueOrDefault(id)));
        }

        chairs.Sort((a, b) => LabelOrder.Compare(a.Label, b.Label));
        return new BoardView(
            now, showPatients, runsSessions, chairs, UrgencyStrip.Of(chairs, heardSinceStart), billing.Value.SiteTimeZone,
            runsSessions ? null : RefusedControllersView.Of(admission));
    }

    /// <summary>Chair labels in the order a nurse counts them: "Chair 2" before "Chair 10".</summary>
    internal static IComparer<string> LabelOrder { get; } = new ChairLabelOrder();

    /// <summary>One chair; the possible actions are the domain's (<see cref="ScalpCoolingSessionRecord.PossibleNurseActions"/>), only for users who run sessions.</summary>
    /// <param name="listing">The stored controller, for the engineer's details of a chair without a session.</param>
    /// <param name="controllerKnown">The chair's controller has been heard (since the start or before it): its silence during a session is an alarm.</param>
    /// <param name="sessionsOwn">The session's page: an ended session keeps its own last sample and clock; on the board and the chair's page the chair shows its controller as it is now.</param>
    internal static ChairView Chair(
        ChairBoardRow row, NurseStationOptions settings, IReadOnlyDictionary<string, string>? names, bool runsSessions, ControllerListing? listing = null,
        bool controllerKnown = false, bool sessionsOwn = false)
    {
        var label = settings.ChairLabel(row.ControllerId);
        var reading = row.Reading;
        if (row is not { Record: { } record, Live: { } live })
        {
            // A free chair: what its controller sends now (pre-chilling before a start, or idle), for everyone; its details for engineers.
            return new ChairView(
                row.ControllerId, label, row.ControllerOnline, null, null, null, null, null, null, null, null,
                reading?.Sample.CoolantC.Celsius, reading?.Sample.ScalpC?.Celsius, reading?.Setpoint?.Celsius, null,
                [], false, false, false, true, [], [], Controller: runsSessions ? null : ControllerNow(reading, listing),
                CoolingWithoutSession: CoolingNow(row), LinkInHandover: row.ControllerInHandover);
        }

        // The session's own name; none once voided as the wrong patient (the card must not name anyone).
        var patient = names is null || record.Void?.Reason == VoidReason.WrongPatient ? null
            : new PatientView(record.Plan.PatientReference, names.TryGetValue(record.Plan.SessionId, out var name) ? name : null);
        var phase = SessionLiveViewPhase(record);
        var ended = live.Status.IsEnded();
        List<AlarmView> alarms = [.. live.ActiveAlarms.Select(AlarmView.Of)];
        var controller = record.Controller;
        var heardInSession = controller.LatestSampleAt is not null || controller.Boots.Count > 0;
        if (!row.ControllerOnline && !row.ControllerInHandover && !ended && live.Status != SessionStatus.Started && (heardInSession || controllerKnown))
        {
            alarms.Insert(0, AlarmView.Offline);
        }

        // Once the session has ended the chair shows its controller as it is now (a reboot, a new reading, its clock),
        // like a free chair: the session's last sample and its clock stay on the session's page.
        var now = ended && !sessionsOwn;
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
            live.CountedTowardsTarget is { } counted && live.PhaseTarget is { } target && counted > target ? Seconds(counted - target) : null,
            now ? reading?.Sample.CoolantC.Celsius : live.LatestCoolant?.Celsius,
            now ? reading?.Sample.ScalpC?.Celsius : live.LatestScalp?.Celsius,
            now ? reading?.Setpoint?.Celsius : record.Temperatures.Setpoint?.Celsius,
            now ? null : live.CoolantAtSetpoint,
            alarms,
            live.ReadyForInfusion,
            live.Status == SessionStatus.PreCooling && live.RemainingToTarget == TimeSpan.Zero && live.ControllerOnline,
            live.PostCoolingCompleteRemoveCap,
            ended,
            runsSessions ? Actions(record, steps: true) : [],
            runsSessions ? Actions(record, steps: false) : [],
            now ? null : record.Controller.ClockSkew.Warning,
            runsSessions ? null : now ? ControllerNow(reading, listing) : new ChairController(
                controller.Model ?? listing?.Model,
                controller.Firmware ?? listing?.Firmware,
                controller.Boots.Count > 0 ? Boot(controller.Boots[^1]) : null,
                listing?.LastHelloAt,
                controller.LatestSampleAt,
                controller.Reboots,
                WholeSeconds(controller.ClockSkew.ControllerAhead ?? Arrival(reading)),
                State(reading),
                Alarms(reading),
                Link(reading),
                Offset(controller.ClockSkew.ControllerAhead ?? Arrival(reading)),
                OffsetInFull(controller.ClockSkew.ControllerAhead ?? Arrival(reading))),
            !ended && record.Temperatures.Setpoint is null,
            live.NotCooling,
            now ? null : ClockNote.Short(record.Controller.ClockSkew),
            ended && !sessionsOwn && CoolingNow(row),
            row.ControllerInHandover);
    }

    /// <summary>The chair's controller, online, says now that it is cooling a cap (its latest sample, whichever session took it).</summary>
    private static bool CoolingNow(ChairBoardRow row) => row.ControllerOnline && row.Reading is { Sample.Cooling: true };

    /// <summary>The controller as it is now, from its latest reading and its stored hello (a free chair, or one whose session ended); null when nothing is known of it.</summary>
    private static ChairController? ControllerNow(ControllerReading? reading, ControllerListing? listing) =>
        listing is null && reading is null ? null : new ChairController(
            listing?.Model, listing?.Firmware, Boot(reading?.Sample.Boot), listing?.LastHelloAt, reading?.Sample.Timestamp, null,
            WholeSeconds(Arrival(reading)), State(reading), Alarms(reading), Link(reading), Offset(Arrival(reading)), OffsetInFull(Arrival(reading)));

    /// <summary>How far the latest sample's own time is from its arrival: the controller's clock minus the server's, as the latest reading shows it.</summary>
    private static TimeSpan? Arrival(ControllerReading? reading) => reading is null ? null : reading.Sample.Timestamp - reading.ReceivedAt;

    private static long? WholeSeconds(TimeSpan? span) => span is { } s ? (long)Math.Round(s.TotalSeconds) : null;

    private static string? Offset(TimeSpan? controllerAhead) => controllerAhead is { } ahead ? ClockOffsetWords.Of(ahead) : null;

    private static string? OffsetInFull(TimeSpan? controllerAhead) => controllerAhead is { } ahead ? ClockOffsetWords.WithSign(ahead) : null;

    private static string? Boot(uint? boot) => boot?.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The CCP/1 word for the state (the enum's names are CCP/1's, in its case).</summary>
    private static string? State(ControllerReading? reading) => reading?.Sample.State.ToString().ToUpperInvariant();

    private static List<AlarmView>? Alarms(ControllerReading? reading) =>
        reading is null ? null : [.. ControllerAlarmNames.Names(reading.Sample.Alarms).Select(AlarmView.Of)];

    private static string? Link(ControllerReading? reading) => reading?.Link switch
    {
        CcpTransport.Mqtt => "MQTT",
        CcpTransport.Serial => "serial",
        _ => null,
    };

    private static List<string> Actions(ScalpCoolingSessionRecord record, bool steps) =>
        [.. record.PossibleNurseActions.Where(kind => NurseActionAvailability.IsStep(kind) == steps).Select(NurseActionNames.Of)];

    private static SessionPhase? SessionLiveViewPhase(ScalpCoolingSessionRecord record) => SessionLiveView.CurrentPhase(record)?.Phase;

    private static long? Seconds(TimeSpan? span) => span is { } s ? (long)s.TotalSeconds : null;
}
