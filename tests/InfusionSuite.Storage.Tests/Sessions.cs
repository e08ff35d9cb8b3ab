using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Storage.Tests;

/// <summary>Builds what the writer would put in a batch, folding it into a session as the writer does.</summary>
internal sealed class Sessions(IngestBatch batch)
{
    public static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private long _seq;

    public long LastSeq => _seq;

    /// <summary>The patient's name each start carries (as the nurse station's start form does); none by default.</summary>
    public string? PatientName { get; init; }

    public ScalpCoolingSession Start(
        string sessionId, string controllerId, DateTimeOffset at, string? patient = null, string administration = "ma", string? encounter = null, string? course = null,
        string? patientEhrReference = null)
    {
        var plan = SessionScenario.Plan(
            sessionId: sessionId, courseId: course ?? "course-" + sessionId, patient: patient ?? "patient-" + sessionId,
            administration: administration, encounter: encounter, controllerId: controllerId) with { PatientEhrReference = patientEhrReference };
        var session = new ScalpCoolingSession(SessionPolicy.Default);
        var start = new StartSession(at, "nurse-1", plan);
        Accept(session, start);
        batch.Add(new StartedSession(plan, "Standard", at, SessionPolicy.Default, PatientName));
        batch.Add(new StoredInput(++_seq, sessionId, controllerId, start));
        return session;
    }

    /// <summary>A nurse action on the session; when it ends the session, the record goes to the batch's ended sessions (as the writer does).</summary>
    public void Nurse(ScalpCoolingSession session, NurseAction action)
    {
        var before = session.Status;
        Accept(session, action);
        var record = session.ToRecord();
        batch.Add(new StoredInput(++_seq, record.Plan.SessionId, record.Plan.ControllerId, action));
        if (record.Status != before && record.Status is SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided)
        {
            batch.SetStatus(new SessionStatusChange(record.Plan.SessionId, record.Status, record.Boundaries.EndedAt ?? record.AsOf, record.Void?.Reason));
            batch.AddEnded(record);
        }
    }

    public void Event(ScalpCoolingSession session, string sessionId, ControllerEventKind kind, uint seq, DateTimeOffset at, string? detail = null)
    {
        var input = new DeviceEventReceived(at, new ControllerEvent(Controller(session), 0xbeef, seq, at, kind, detail));
        Accept(session, input);
        batch.Add(new StoredInput(++_seq, sessionId, Controller(session), input));
    }

    public void Sample(ScalpCoolingSession? session, string? sessionId, string controllerId, uint seq, DateTimeOffset at)
    {
        var sample = Telemetry(controllerId, seq, at);
        if (session is not null)
        {
            Assert.True(session.ApplyTelemetry(sample, at).IsAccepted);
        }

        batch.Add(new StoredTelemetry(++_seq, sample, at, sessionId));
    }

    public static TelemetrySample Telemetry(string controllerId, uint seq, DateTimeOffset at) => new(
        controllerId, 0xbeef, seq, at, ControllerState.Cooling, new Temperature(-38), seq % 7 == 0 ? null : new Temperature(176),
        (ushort)(600 + (seq % 20)), true, seq % 50 == 0 ? ControllerAlarms.ReservoirLow : ControllerAlarms.None);

    private static string Controller(ScalpCoolingSession session) => session.ToRecord().Plan.ControllerId;

    private static void Accept(ScalpCoolingSession session, SessionInput input) => Assert.True(session.Apply(input).IsAccepted);
}
