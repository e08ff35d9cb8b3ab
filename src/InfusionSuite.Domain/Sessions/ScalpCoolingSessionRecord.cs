namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The clinical record of one scalp-cooling session: a pure fold of its accepted inputs
/// (<see cref="ScalpCoolingSession"/>). Storage, FHIR mapping and the chair board read it.
/// </summary>
public sealed record ScalpCoolingSessionRecord
{
    public required SessionPlan Plan { get; init; }

    public required SessionStatus Status { get; init; }

    /// <summary>Effective instant of the nurse's start.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public required SessionBoundaries Boundaries { get; init; }

    /// <summary>Placement → removal (the Procedure's performed period); null until both are known.</summary>
    public required TimeInterval? PerformedPeriod { get; init; }

    /// <summary>The phases reached so far, in order; the last one has no end while it runs.</summary>
    public required IReadOnlyList<PhaseSummary> Phases { get; init; }

    /// <summary>Interruptions over pre-cooling, infusion and post-cooling together.</summary>
    public required InterruptionSummary Interruptions { get; init; }

    public required IReadOnlyList<SessionDeviation> Deviations { get; init; }

    public required CapCalibration? Calibration { get; init; }

    public required CoolingTemperatures Temperatures { get; init; }

    public required ControllerSnapshot Controller { get; init; }

    /// <summary>Opaque ids of the nurses who acted, in order of their first action.</summary>
    public required IReadOnlyList<string> Nurses { get; init; }

    public required IReadOnlyList<NurseEntry> NurseEntries { get; init; }

    /// <summary>The latest tolerance documented (0–10).</summary>
    public required int? Tolerance { get; init; }

    public required IReadOnlyList<AdverseEventEntry> AdverseEvents { get; init; }

    public required SessionAbort? Abort { get; init; }

    public required SessionVoid? Void { get; init; }

    /// <summary>The nurse actions possible now, in the order a session takes them (<see cref="NurseActionAvailability"/>).</summary>
    public required IReadOnlyList<NurseActionKind> PossibleNurseActions { get; init; }

    /// <summary>The latest instant any accepted input spoke of; open intervals are measured to it.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>
    /// When the controller's CAP_OFF (the removal) and the nurse's "cap removed" lie further apart than the
    /// same-moment window: controller minus nurse (positive when the controller's came later). Null otherwise.
    /// </summary>
    public TimeSpan? RemovalDiscrepancy { get; init; }

    /// <summary>
    /// How many controller samples the session took: the ones this record's temperatures were folded from (cap connected,
    /// in the session's period) and the others. Read with the record, it is one snapshot: a sample count read from the
    /// store beside a record held in memory can be a batch ahead of it (stored, not yet published).
    /// </summary>
    public int SampleCount { get; init; }

    /// <summary>
    /// Set on a report that went to the EHR while the session's controller was still cut off or uploading what it stored,
    /// after the longest wait: the controller's part of the record may be incomplete (a correction follows once it caught up).
    /// Never set by the fold itself.
    /// </summary>
    public bool ControllerRecordIncomplete { get; init; }

    /// <summary>The controller's clock corrections, per boot and stretch between steps (none when its clock was right).</summary>
    public IReadOnlyList<ClockCorrection> ClockCorrections { get; init; } = [];

    /// <summary>
    /// A stored message's device ts on the server's timeline, as the session's events are: its boot's correction
    /// for the stretch the seq falls in (a stretch that began at a clock step holds until the next), else the ts as sent.
    /// </summary>
    public DateTimeOffset OnServerClock(uint boot, uint seq, DateTimeOffset deviceTs)
    {
        ClockCorrection? found = null;
        foreach (var correction in ClockCorrections)
        {
            if (correction.Boot == boot && correction.FromSeq <= seq && (found is null || correction.FromSeq > found.FromSeq))
            {
                found = correction;
            }
        }

        return found is null ? deviceTs : deviceTs + found.Offset;
    }

    /// <summary>
    /// Whether the session belongs to its patient's course: a session voided as the wrong patient's belongs to no patient's
    /// course (not counted, not numbered, not on a course page, not the course a next session joins). Other voids stay in
    /// the course for audit and do not count.
    /// </summary>
    public bool InPatientsCourse => Void?.Reason != VoidReason.WrongPatient;

    public bool HasDeviation(DeviationCode code) => Deviations.Any(d => d.Code == code);

    public PhaseSummary? Phase(SessionPhase phase) => Phases.FirstOrDefault(p => p.Phase == phase);
}
