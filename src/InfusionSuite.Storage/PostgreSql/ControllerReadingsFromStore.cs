using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Storage.Sqlite;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// The live state of controllers another worker ingests, as that worker stored it: each one's latest sample and its
/// setpoint (<c>controllers.setpoint_tenths</c>). A node's board shows them by the same rule as its own writer's readings,
/// so a chair reads the same on every node. Controllers of a shared database speak MQTT (a site's topics).
/// </summary>
internal static class ControllerReadingsFromStore
{
    private const string Latest =
        "SELECT c.controller_id, t.ingest_seq, t.boot, t.seq, t.ts_ms, t.received_offset_ms, t.packed, t.coolant, t.scalp, t.flow, c.setpoint_tenths " +
        "FROM controllers c JOIN LATERAL (SELECT * FROM telemetry t WHERE t.controller_key = c.controller_key ORDER BY t.ingest_seq DESC LIMIT 1) t ON true ";

    /// <summary>
    /// The readings of <paramref name="controllerIds"/>; with null, of every controller whose site this worker does not own
    /// (all of them on a standby).
    /// </summary>
    public static async Task<List<ControllerReading>> ReadAsync(PostgreSqlConnections postgreSql, string[]? controllerIds, CancellationToken cancellationToken)
    {
        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        var owned = postgreSql.Leases.IsHeld ? postgreSql.OwnedSites : null;
        await using var query = controllerIds is not null
            ? new NpgsqlCommand(Latest + "WHERE c.controller_id = ANY(@ids)", connection) { Parameters = { new("ids", controllerIds) } }
            : new NpgsqlCommand(
                Latest + "JOIN controller_sites cs ON cs.controller_id = c.controller_id" + (owned is null ? string.Empty : " WHERE NOT cs.site = ANY(@sites)"),
                connection);
        if (controllerIds is null && owned is not null)
        {
            query.Parameters.AddWithValue("sites", owned.ToArray());
        }

        var readings = new List<ControllerReading>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var controllerId = reader.GetString(0);
            var received = SessionLogReader.Sample(reader, controllerId, first: 1);
            Temperature? setpoint = reader.IsDBNull(10) ? null : new Temperature(checked((short)reader.GetInt32(10)));
            readings.Add(new ControllerReading(received.Sample, received.ReceivedAt, CcpTransport.Mqtt, setpoint));
        }

        return readings;
    }
}
