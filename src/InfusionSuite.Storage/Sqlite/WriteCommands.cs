using System.Data.Common;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>The writer's prepared SQLite commands, created once on its connection and enlisted in each batch transaction; each row is written at once.</summary>
internal sealed class WriteCommands : IWriteCommands
{
    private readonly SqliteCommand _telemetry;
    private readonly SqliteParameter[] _t;
    private readonly SqliteCommand _input;
    private readonly SqliteParameter[] _i;
    private readonly SqliteCommand _audit;
    private readonly SqliteParameter[] _a;
    private readonly SqliteCommand _status;
    private readonly SqliteParameter[] _s;
    private readonly SqliteCommand _hello;
    private readonly SqliteParameter[] _h;
    private readonly SqliteCommand _lastHeard;
    private readonly SqliteParameter[] _lh;
    private readonly SqliteCommand _newController;
    private readonly SqliteCommand _setpoint;
    private readonly SqliteParameter[] _sp;
    private readonly SqliteCommand _course;
    private readonly SqliteCommand _policy;
    private readonly SqliteCommand _session;
    private readonly SqliteCommand _patientName;
    private readonly SqliteCommand _sessionKey;
    private readonly SqliteCommand _adopt;
    private readonly SqliteCommand _move;
    private readonly SqliteParameter[] _ad;
    private readonly SqliteCommand[] _all;

    public WriteCommands(SqliteConnection connection)
    {
        (_telemetry, _t) = Create(connection,
            "INSERT OR IGNORE INTO telemetry (ingest_seq, controller_key, boot, seq, ts_ms, received_offset_ms, packed, coolant, scalp, flow, session_key) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", 11);
        (_input, _i) = Create(connection,
            "INSERT OR IGNORE INTO session_inputs (ingest_seq, session_key, controller_key, kind, boot, seq, received_at_ms, payload, ts_ms) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        (_audit, _a) = Create(connection,
            "INSERT INTO nurse_audit (session_key, ingest_seq, action, nurse_id, entered_at_ms, effective_at_ms, status_before, status_after, change) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        (_status, _s) = Create(connection, "UPDATE sessions SET status = $1, ended_at_ms = $2, void_reason = $4 WHERE session_key = $3", 4);
        (_hello, _h) = Create(connection, "UPDATE controllers SET model = $1, firmware = $2, boot = $3, last_hello_at_ms = $4 WHERE controller_key = $5", 5);
        (_lastHeard, _lh) = Create(connection,
            "UPDATE controllers SET last_heard_at_ms = $1 WHERE controller_key = $2 AND (last_heard_at_ms IS NULL OR last_heard_at_ms < $1)", 2);
        (_setpoint, _sp) = Create(connection,
            "UPDATE controllers SET setpoint_tenths = $1, setpoint_at_ms = $2 WHERE controller_key = $3 AND (setpoint_at_ms IS NULL OR setpoint_at_ms <= $2)", 3);
        (_newController, _) = Create(connection, "INSERT INTO controllers (controller_id) VALUES ($1) RETURNING controller_key", 1);
        (_course, _) = Create(connection,
            "INSERT INTO courses (course_id, patient_reference, regimen, cap_measured_and_calibrated, created_at_ms) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (course_id) DO UPDATE SET cap_measured_and_calibrated = cap_measured_and_calibrated OR excluded.cap_measured_and_calibrated " +
            "RETURNING course_key", 5);
        (_policy, _) = Create(connection,
            "INSERT INTO policies (hash, json) VALUES ($1, $2) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING policy_key", 2);
        (_session, _) = Create(connection,
            "INSERT INTO sessions (session_id, course_key, controller_key, policy_key, status, started_at_ms, patient_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING session_key", 7);
        (_patientName, _) = Create(connection,
            "INSERT INTO patients (patient_reference, display_name) VALUES ($1, $2) ON CONFLICT (patient_reference) DO UPDATE SET display_name = excluded.display_name", 2);
        (_sessionKey, _) = Create(connection, "SELECT session_key FROM sessions WHERE session_id = $1", 1);
        (_adopt, _ad) = Create(connection,
            "UPDATE telemetry SET ingest_seq = $2, session_key = $3 WHERE ingest_seq = $1 AND session_key IS NULL; " +
            "UPDATE session_inputs SET ingest_seq = $2, session_key = $3 WHERE ingest_seq = $1 AND session_key IS NULL", 3);
        (_move, _) = Create(connection, MoveSql, 3);
        _all = [_move, _telemetry, _input, _audit, _status, _hello, _lastHeard, _setpoint, _newController, _course, _policy, _session, _patientName, _sessionKey, _adopt];
    }

    public void Enlist(DbTransaction transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = (SqliteTransaction)transaction;
        }
    }

    public void Telemetry(in StoredTelemetry stored, int controllerKey, int? sessionKey)
    {
        var sample = stored.Sample;
        var ts = TelemetryColumns.Ms(sample.Timestamp);
        _t[0].Value = stored.IngestSeq;
        _t[1].Value = controllerKey;
        _t[2].Value = unchecked((int)sample.Boot);
        _t[3].Value = (long)sample.Seq;
        _t[4].Value = ts;
        _t[5].Value = TelemetryColumns.Ms(stored.ReceivedAt) - ts;
        _t[6].Value = TelemetryColumns.Pack(sample);
        _t[7].Value = (int)sample.CoolantC.Tenths;
        _t[8].Value = sample.ScalpC is { } scalp ? scalp.Tenths : DBNull.Value;
        _t[9].Value = (int)sample.FlowMlMin;
        _t[10].Value = sessionKey is { } key ? key : DBNull.Value;
        _telemetry.ExecuteNonQuery();
    }

    public void Input(StoredInput stored, int? sessionKey, int? controllerKey)
    {
        var deviceEvent = stored.Input is Domain.Sessions.Inputs.DeviceEventReceived received ? received.Event : null;
        var key = deviceEvent?.Key;
        _i[0].Value = stored.IngestSeq;
        _i[1].Value = sessionKey is { } s ? s : DBNull.Value;
        _i[2].Value = controllerKey is { } c ? c : DBNull.Value;
        _i[3].Value = InputLogCodec.KindOf(stored.Input);
        _i[4].Value = key is { } k1 ? unchecked((int)k1.Boot) : DBNull.Value;
        _i[5].Value = key is { } k2 ? (long)k2.Seq : DBNull.Value;
        _i[6].Value = TelemetryColumns.Ms(stored.Input.ReceivedAt);
        _i[7].Value = InputLogCodec.Serialize(stored.Input);
        _i[8].Value = deviceEvent is { } e ? TelemetryColumns.Ms(e.Timestamp) : DBNull.Value;
        _input.ExecuteNonQuery();
    }

    public void Audit(NurseAuditEntry entry, int sessionKey)
    {
        _a[0].Value = sessionKey;
        _a[1].Value = entry.IngestSeq;
        _a[2].Value = (int)entry.Action;
        _a[3].Value = entry.NurseId;
        _a[4].Value = TelemetryColumns.Ms(entry.EnteredAt);
        _a[5].Value = TelemetryColumns.Ms(entry.EffectiveAt);
        _a[6].Value = entry.StatusBefore is { } before ? (int)before : DBNull.Value;
        _a[7].Value = (int)entry.StatusAfter;
        _a[8].Value = entry.Change;
        _audit.ExecuteNonQuery();
    }

    public void Status(int sessionKey, SessionStatusChange change)
    {
        _s[0].Value = (int)change.Status;
        _s[1].Value = change.EndedAt is { } ended ? TelemetryColumns.Ms(ended) : DBNull.Value;
        _s[2].Value = sessionKey;
        _s[3].Value = change.VoidReason is { } reason ? (int)reason : DBNull.Value;
        _status.ExecuteNonQuery();
    }

    public void Hello(int controllerKey, ControllerSighting sighting)
    {
        _h[0].Value = sighting.Hello.Model;
        _h[1].Value = sighting.Hello.Firmware;
        _h[2].Value = unchecked((int)sighting.Hello.Boot);
        _h[3].Value = TelemetryColumns.Ms(sighting.At);
        _h[4].Value = controllerKey;
        _hello.ExecuteNonQuery();
    }

    public void LastHeard(int controllerKey, long atMs)
    {
        _lh[0].Value = atMs;
        _lh[1].Value = controllerKey;
        _lastHeard.ExecuteNonQuery();
    }

    /// <summary>One suite, one writer: no nurse action is routed, so no site is kept.</summary>
    public void Site(ControllerSite site)
    {
    }

    public void Setpoint(int controllerKey, ControllerSetpointReport report)
    {
        _sp[0].Value = (int)report.Setpoint.Tenths;
        _sp[1].Value = TelemetryColumns.Ms(report.ReportedAt);
        _sp[2].Value = controllerKey;
        _setpoint.ExecuteNonQuery();
    }

    /// <summary>A stored sample or event no session had taken joins a session's log at a new place in the ingest order.</summary>
    public void Adopt(AdoptedMessage adopted, int sessionKey)
    {
        _ad[0].Value = adopted.StoredIngestSeq;
        _ad[1].Value = adopted.IngestSeq;
        _ad[2].Value = sessionKey;
        _adopt.ExecuteNonQuery();
    }

    /// <summary>A course moved to: made for the session's patient when new, then the session's course.</summary>
    internal const string MoveSql =
        "INSERT INTO courses (course_id, patient_reference, regimen, cap_measured_and_calibrated, created_at_ms) " +
        "SELECT $1, c.patient_reference, '', FALSE, $2 FROM sessions s JOIN courses c ON c.course_key = s.course_key WHERE s.session_key = $3 " +
        "ON CONFLICT (course_id) DO NOTHING; " +
        "UPDATE sessions SET course_key = (SELECT course_key FROM courses WHERE course_id = $1) WHERE session_key = $3";

    public void MoveSession(int sessionKey, string courseId, DateTimeOffset at)
    {
        _move.Parameters[0].Value = courseId;
        _move.Parameters[1].Value = TelemetryColumns.Ms(at);
        _move.Parameters[2].Value = sessionKey;
        _move.ExecuteNonQuery();
    }

    public int NewController(string controllerId) => Scalar(_newController, controllerId);

    public int Course(SessionPlan plan, string regimen, DateTimeOffset at) =>
        Scalar(_course, plan.CourseId, plan.PatientReference, regimen, plan.FirstOfCourse, TelemetryColumns.Ms(at));

    public int Policy(string hash, string json) => Scalar(_policy, hash, json);

    /// <summary>Inserts the session (with the patient's name as entered, which becomes the name on file); returns its key.</summary>
    public int Session(string sessionId, int courseKey, int controllerKey, int policyKey, DateTimeOffset startedAt, string patientReference, string? patientName)
    {
        var key = Scalar(_session, sessionId, courseKey, controllerKey, policyKey, (int)SessionStatus.Started, TelemetryColumns.Ms(startedAt), (object?)patientName ?? DBNull.Value);
        if (patientName is not null)
        {
            _patientName.Parameters[0].Value = patientReference;
            _patientName.Parameters[1].Value = patientName;
            _patientName.ExecuteNonQuery();
        }

        return key;
    }

    public int? SessionKey(string sessionId)
    {
        _sessionKey.Parameters[0].Value = sessionId;
        return _sessionKey.ExecuteScalar() is long key ? (int)key : null;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static int Scalar(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (SqliteCommand, SqliteParameter[]) Create(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var created = new SqliteParameter[parameters];
        for (var i = 0; i < parameters; i++)
        {
            created[i] = command.Parameters.Add(new SqliteParameter { ParameterName = "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return (command, created);
    }
}
