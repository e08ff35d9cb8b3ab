using System.Data.Common;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Storage;

/// <summary>
/// What the writer does to the tables in one batch transaction. Rows (samples, inputs, audit, status,
/// hellos) may be held until <see cref="FlushAsync"/>; the key-returning calls run at once.
/// </summary>
internal interface IWriteCommands : IAsyncDisposable
{
    void Enlist(DbTransaction transaction);

    void Telemetry(in StoredTelemetry stored, int controllerKey, int? sessionKey);

    void Input(StoredInput stored, int? sessionKey, int? controllerKey);

    void Audit(NurseAuditEntry entry, int sessionKey);

    void Status(int sessionKey, SessionStatusChange change);

    void Hello(int controllerKey, ControllerSighting sighting);

    /// <summary>Moves the controller's last-heard instant (<c>controllers.last_heard_at_ms</c>, UTC ms) forward to <paramref name="atMs"/>, never back.</summary>
    void LastHeard(int controllerKey, long atMs);

    /// <summary>Keeps the controller's latest reported coolant setpoint (an older report never replaces a newer one).</summary>
    void Setpoint(int controllerKey, ControllerSetpointReport report);

    /// <summary>The MQTT site the controller speaks from (kept where several workers share the database, to route nurse actions to its owner).</summary>
    void Site(ControllerSite site);

    /// <summary>A stored sample or event no session had taken joins a session's log at a new place in the ingest order.</summary>
    void Adopt(AdoptedMessage adopted, int sessionKey);

    int NewController(string controllerId);

    int Course(SessionPlan plan, string regimen, DateTimeOffset at);

    int Policy(string hash, string json);

    /// <summary>Inserts the session with the patient's name as entered (PHI), which also becomes the name on file for the patient; returns its key.</summary>
    int Session(string sessionId, int courseKey, int controllerKey, int policyKey, DateTimeOffset startedAt, string patientReference, string? patientName);

    int? SessionKey(string sessionId);

    /// <summary>The session joins the course (of its patient; a new one is made when no course has the id).</summary>
    void MoveSession(int sessionKey, string courseId, DateTimeOffset at);

    /// <summary>Writes the rows held so far, inside the enlisted transaction (before anyone reads them in it).</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
