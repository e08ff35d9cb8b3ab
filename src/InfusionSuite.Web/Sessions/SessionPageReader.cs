using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Api;
using InfusionSuite.Web.Board;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Sessions;

/// <summary>Builds a session's page from the worker's detail, the billing evaluation and the FHIR outbox.</summary>
internal sealed class SessionPageReader(
    IChairBoard board,
    IControllerPresence presence,
    ISessionDirectory directory,
    IPatientNames patients,
    IStaffAccounts accounts,
    SessionBillingReader billing,
    FhirDeliveryReader fhir,
    Courses.CourseAuditReader courseAudit,
    IOptions<NurseStationOptions> options,
    IOptions<Application.Configuration.SessionOptions> sessionOptions,
    TimeProvider timeProvider)
{
    private readonly TimeSpan _lateAfter = sessionOptions.Value.ToPolicy().LateEntryThreshold;

    public async Task<SessionPageView?> ReadAsync(string sessionId, bool showPatients, bool runsSessions, CancellationToken cancellationToken)
    {
        var detail = await board.SessionAsync(sessionId, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var record = detail.Record;
        var plan = record.Plan;
        var names = await StaffNamesAsync(cancellationToken);
        PatientView? patient = null;
        IReadOnlyDictionary<string, string>? found = null;
        if (showPatients)
        {
            found = await patients.FindForSessionsAsync([plan.SessionId], cancellationToken);
            patient = new PatientView(plan.PatientReference, found.TryGetValue(plan.SessionId, out var name) ? name : null);
        }

        var settings = options.Value;
        var live = BoardReader.Chair(
            new ChairBoardRow(plan.ControllerId, board.Current().Any(r => r.ControllerId == plan.ControllerId && r.ControllerOnline), plan.SessionId, detail.Live, record),
            settings,
            found, // the live part names the session's patient as entered, for those who may see it (as the board's card does)
            runsSessions,
            runsSessions ? null : (await directory.ControllersAsync(cancellationToken)).FirstOrDefault(c => c.ControllerId == plan.ControllerId),
            controllerKnown: presence.KnownControllers().Contains(plan.ControllerId, StringComparer.Ordinal),
            sessionsOwn: true);
        var b = record.Boundaries;
        var delivery = await fhir.ReadAsync(plan.SessionId, showPatients, cancellationToken);
        return new SessionPageView(
            plan.SessionId,
            plan.ControllerId,
            settings.ChairLabel(plan.ControllerId),
            record.Status.ToString(),
            patient,
            showPatients ? new AdministrationView(plan.Administration.Reference, plan.Administration.PrimaryCptCode) : null,
            (int)plan.Targets.PreCooling.TotalMinutes,
            (int)plan.Targets.PostCooling.TotalMinutes,
            plan.FirstOfCourse,
            (record.Calibration?.Size ?? plan.CapSize)?.ToString(),
            record.StartedAt,
            new BoundariesView(b.CapPlacedAt, b.PlacementSource?.ToString(), b.InfusionStartedAt, b.InfusionEndedAt, b.LastCoolingStopAt, b.CapRemovedAt, b.RemovalSource?.ToString(), b.EndedAt, record.RemovalDiscrepancy is { } apart ? (long)apart.TotalSeconds : null),
            [.. record.Phases.Select(p => Phase(p, record.AsOf))],
            new InterruptionsView(record.Interruptions.Count, Seconds(record.Interruptions.Total), Seconds(record.Interruptions.Longest)),
            [.. record.Deviations.Select(d => new DeviationView(d.Name, d.Minutes, Seconds(d.Duration), d.Detail))],
            new TemperaturesView(
                record.Temperatures.Setpoint?.Celsius,
                Summary(record.Temperatures.Coolant),
                Summary(record.Temperatures.Scalp),
                Seconds(record.Temperatures.CoolantAtSetpointTime),
                record.Temperatures.SetpointSource?.ToString()),
            live,
            record.Tolerance,
            [.. record.AdverseEvents.Select(e => new DocumentedView(e.Event.ToString(), e.At, NameOf(names, e.NurseId), e.Details))],
            record.Abort is { } abort ? new DocumentedView(abort.Reason.ToString(), abort.At, NameOf(names, abort.NurseId), abort.Details) : null,
            record.Void is { } voided ? new DocumentedView(voided.Reason.ToString(), voided.At, NameOf(names, voided.NurseId), voided.Details) : null,
            detail.SampleCount,
            showPatients ? await billing.ReadAsync(record, cancellationToken) : null,
            delivery,
            showPatients ? [.. detail.Audit.Select(a => Audit(a, names)).Concat(DeliveryAudit(plan.SessionId, delivery)).OrderBy(a => a.EnteredAt)] : null,
            timeProvider.GetUtcNow())
        {
            CourseId = showPatients ? plan.CourseId : null,
        };
    }

    /// <summary>How many rows of each audit the audit page shows.</summary>
    public const int AuditPageRows = 200;

    /// <summary>The latest <paramref name="take"/> rows of the nurse-action audit, of the course entries and of the account audit, newest first, with display names.</summary>
    public async Task<AuditPageView> AuditPageAsync(int take, CancellationToken cancellationToken)
    {
        var names = await StaffNamesAsync(cancellationToken);
        var nurse = await directory.AuditAsync(take, cancellationToken);
        var staff = await accounts.AuditAsync(take, cancellationToken);
        return new AuditPageView(
            [.. nurse.Select(a => Audit(a, names))],
            [.. staff.Select(s => new StaffAuditView(s.At, NameOf(names, s.Actor), s.Action, s.Subject, s.Detail))])
        {
            CourseEntries = await courseAudit.ReadAsync(take, names, cancellationToken),
        };
    }

    public async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).ToDictionary(a => a.UserId, a => a.DisplayName, StringComparer.Ordinal);

    private AuditView Audit(NurseAuditEntry entry, IReadOnlyDictionary<string, string> names) => new(
        entry.SessionId,
        entry.Action.ToString(),
        NameOf(names, entry.NurseId),
        entry.EnteredAt,
        entry.EffectiveAt,
        SessionPolicy.IsLate(entry.EnteredAt, entry.EffectiveAt, _lateAfter),
        entry.StatusBefore?.ToString(),
        entry.StatusAfter.ToString(),
        entry.Change);

    /// <summary>The staff actions on the session's EHR deliveries (retry, handled outside with the note), as rows of its audit trail.</summary>
    private static IEnumerable<AuditView> DeliveryAudit(string sessionId, FhirDeliveryView delivery) =>
        delivery.Items.SelectMany(item => item.StaffActions.Select(a => new AuditView(
            sessionId,
            a.Action == FhirDeliveryReader.ActionWords(ParkedItemActions.RetryAction) ? "DeliveryRetried" : "DeliveryHandledOutside",
            a.By,
            a.At,
            a.At,
            false,
            OutboxStatus.Parked.ToString(),
            a.Action == FhirDeliveryReader.ActionWords(ParkedItemActions.RetryAction) ? OutboxStatus.Pending.ToString() : OutboxStatus.HandledOutside.ToString(),
            $"{(item.ContentType.Contains("fhir", StringComparison.Ordinal) ? "FHIR" : "HL7 v2")} {item.Kind} item {item.Id:D}" + (a.Note.Length > 0 ? ": " + a.Note : string.Empty))
        {
            ActionWords = a.Action,
        }));

    private static string NameOf(IReadOnlyDictionary<string, string> names, string userId) =>
        names.TryGetValue(userId, out var name) ? name : userId;

    /// <summary>
    /// A phase so far, by the domain's one rule (<see cref="PhaseSummary.CountedAsOf"/>): pre-cooling and post-abort cooling
    /// count towards their figure only the time the controller was cooling; warm-up is not cooled at all.
    /// </summary>
    private static PhaseView Phase(PhaseSummary p, DateTimeOffset asOf)
    {
        var duration = p.DurationAsOf(asOf);
        return new PhaseView(
            p.Phase.ToString(), p.Start, p.End, Seconds(duration), p.Target is { } t ? Seconds(t) : null,
            p.Interruptions.Count, Seconds(p.Interruptions.Total),
            p.CapCooled ? Seconds(p.CountedAsOf(asOf)) : null, Seconds(p.CapCooled ? p.NotCooling : duration), p.CountsCoolingOnly);
    }

    /// <summary>Minimum and maximum as the device sent them; the mean at a stated precision of one decimal (-4.0, never -4).</summary>
    private static TemperatureSummaryView Summary(TemperatureSummary summary) =>
        new(summary.Min?.Celsius, summary.Mean is { } mean ? decimal.Round(mean, 1) + 0.0m : null, summary.Max?.Celsius, summary.Samples);

    /// <summary>
    /// Whole seconds, a second begun counting (rounded up, as <see cref="WholeMinutes"/> rounds minutes): a page that shows
    /// minutes from them (rounded up) shows the note's and the EHR's figure — 30 min 0.5 s is 1801 s, "31 min" everywhere.
    /// </summary>
    private static long Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (span.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
}
