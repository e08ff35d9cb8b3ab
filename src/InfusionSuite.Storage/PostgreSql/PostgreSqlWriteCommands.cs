using System.Data.Common;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Storage.Sqlite;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// The writer's commands on PostgreSQL. A round trip costs far more than on an embedded file, so rows are
/// held and written at <see cref="FlushAsync"/> in one <see cref="NpgsqlBatch"/>: the batch's samples
/// through <see cref="TelemetryCopy"/>, its inputs as one array insert, the few audit, status, hello
/// and adoption rows as statements of the same batch, in that order. Keys (controllers, courses, policies, sessions) are returned at once.
/// </summary>
internal sealed class PostgreSqlWriteCommands : IWriteCommands
{
    private readonly NpgsqlConnection _connection;

    private readonly TelemetryCopy _telemetry = new();
    private readonly InputRows _inputs = new();
    private readonly List<NpgsqlBatchCommand> _rows = [];
    private NpgsqlTransaction? _transaction;

    /// <summary>Prepares the connection: its staging table for samples (outside any transaction, so a rollback keeps it).</summary>
    public PostgreSqlWriteCommands(NpgsqlConnection connection)
    {
        _connection = connection;
        using var staging = new NpgsqlCommand(TelemetryCopy.StagingTable, connection);
        staging.ExecuteNonQuery();
    }

    public void Enlist(DbTransaction transaction)
    {
        _transaction = (NpgsqlTransaction)transaction;
        _telemetry.Clear();
        _inputs.Clear();
        _rows.Clear();
    }

    public void Telemetry(in StoredTelemetry stored, int controllerKey, int? sessionKey) => _telemetry.Add(stored, controllerKey, sessionKey);

    public void Input(StoredInput stored, int? sessionKey, int? controllerKey) => _inputs.Add(stored, sessionKey, controllerKey);

    public void Audit(NurseAuditEntry entry, int sessionKey) => Row(
        "INSERT INTO nurse_audit (session_key, ingest_seq, action, nurse_id, entered_at_ms, effective_at_ms, status_before, status_after, change) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        sessionKey, entry.IngestSeq, (int)entry.Action, entry.NurseId, TelemetryColumns.Ms(entry.EnteredAt), TelemetryColumns.Ms(entry.EffectiveAt),
        entry.StatusBefore is { } before ? (int)before : null, (int)entry.StatusAfter, entry.Change);

    public void Status(int sessionKey, SessionStatusChange change) => Row(
        "UPDATE sessions SET status = $1, ended_at_ms = $2, void_reason = $4 WHERE session_key = $3",
        (int)change.Status, change.EndedAt is { } ended ? TelemetryColumns.Ms(ended) : null, sessionKey, change.VoidReason is { } reason ? (int)reason : null);

    public void Hello(int controllerKey, ControllerSighting sighting) => Row(
        "UPDATE controllers SET model = $1, firmware = $2, boot = $3, last_hello_at_ms = $4 WHERE controller_key = $5",
        sighting.Hello.Model, sighting.Hello.Firmware, unchecked((int)sighting.Hello.Boot), TelemetryColumns.Ms(sighting.At), controllerKey);

    public void LastHeard(int controllerKey, long atMs) => Row(
        "UPDATE controllers SET last_heard_at_ms = $1 WHERE controller_key = $2 AND (last_heard_at_ms IS NULL OR last_heard_at_ms < $1)", atMs, controllerKey);

    public void Setpoint(int controllerKey, ControllerSetpointReport report) => Row(
        "UPDATE controllers SET setpoint_tenths = $1, setpoint_at_ms = $2 WHERE controller_key = $3 AND (setpoint_at_ms IS NULL OR setpoint_at_ms <= $2)",
        (int)report.Setpoint.Tenths, TelemetryColumns.Ms(report.ReportedAt), controllerKey);

    public void Site(ControllerSite site) => Row(
        "INSERT INTO controller_sites (controller_id, site) VALUES ($1, $2) ON CONFLICT (controller_id) DO UPDATE SET site = excluded.site",
        site.ControllerId, site.Site);

    public void Adopt(AdoptedMessage adopted, int sessionKey)
    {
        Row("UPDATE telemetry SET ingest_seq = $2, session_key = $3 WHERE ingest_seq = $1 AND session_key IS NULL",
            adopted.StoredIngestSeq, adopted.IngestSeq, sessionKey);
        Row("UPDATE session_inputs SET ingest_seq = $2, session_key = $3 WHERE ingest_seq = $1 AND session_key IS NULL",
            adopted.StoredIngestSeq, adopted.IngestSeq, sessionKey);
    }

    public void MoveSession(int sessionKey, string courseId, DateTimeOffset at)
    {
        Row("INSERT INTO courses (course_id, patient_reference, regimen, cap_measured_and_calibrated, created_at_ms) " +
            "SELECT $1, c.patient_reference, '', FALSE, $2 FROM sessions s JOIN courses c ON c.course_key = s.course_key WHERE s.session_key = $3 " +
            "ON CONFLICT (course_id) DO NOTHING", courseId, TelemetryColumns.Ms(at), sessionKey);
        Row("UPDATE sessions SET course_key = (SELECT course_key FROM courses WHERE course_id = $1) WHERE session_key = $2", courseId, sessionKey);
    }

    public int NewController(string controllerId) =>
        Scalar("INSERT INTO controllers (controller_id) VALUES ($1) RETURNING controller_key", controllerId)!.Value;

    public int Course(SessionPlan plan, string regimen, DateTimeOffset at) => Scalar(
        "INSERT INTO courses (course_id, patient_reference, regimen, cap_measured_and_calibrated, created_at_ms) VALUES ($1, $2, $3, $4, $5) " +
        "ON CONFLICT (course_id) DO UPDATE SET cap_measured_and_calibrated = courses.cap_measured_and_calibrated OR excluded.cap_measured_and_calibrated " +
        "RETURNING course_key",
        plan.CourseId, plan.PatientReference, regimen, plan.FirstOfCourse, TelemetryColumns.Ms(at))!.Value;

    public int Policy(string hash, string json) => Scalar(
        "INSERT INTO policies (hash, json) VALUES ($1, $2) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING policy_key", hash, json)!.Value;

    public int Session(string sessionId, int courseKey, int controllerKey, int policyKey, DateTimeOffset startedAt, string patientReference, string? patientName)
    {
        var key = Scalar(
            "INSERT INTO sessions (session_id, course_key, controller_key, policy_key, status, started_at_ms, patient_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING session_key",
            sessionId, courseKey, controllerKey, policyKey, (int)SessionStatus.Started, TelemetryColumns.Ms(startedAt), patientName)!.Value;
        if (patientName is not null)
        {
            Scalar(
                "INSERT INTO patients (patient_reference, display_name) VALUES ($1, $2) ON CONFLICT (patient_reference) DO UPDATE SET display_name = excluded.display_name",
                patientReference, patientName);
        }

        return key;
    }

    public int? SessionKey(string sessionId) => Scalar("SELECT session_key FROM sessions WHERE session_id = $1", sessionId);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        if (await _telemetry.WriteAsync(_connection, cancellationToken) is { } samples)
        {
            batch.BatchCommands.Add(samples);
        }

        if (_inputs.Command() is { } inputs)
        {
            batch.BatchCommands.Add(inputs);
        }

        foreach (var row in _rows)
        {
            batch.BatchCommands.Add(row);
        }

        _inputs.Clear();
        _rows.Clear();
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Row(string sql, params object?[] values) => _rows.Add(BatchCommand(sql, values));

    private int? Scalar(string sql, params object?[] values)
    {
        using var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command.ExecuteScalar() is { } key and not DBNull ? Convert.ToInt32(key, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
