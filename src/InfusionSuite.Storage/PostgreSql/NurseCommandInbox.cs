using System.Text.Json;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// The owner's side of nurse actions across nodes: once this worker holds its sites' leases, it takes the actions
/// other nodes sent for them (<c>nurse_commands</c>, in the order sent), applies each through its own writer exactly
/// as one made here (answered after the commit) and writes the answer with a NOTIFY to the sender. An accepted action's
/// answer is written in the very transaction that stores it (<see cref="Application.Ports.IngestBatch.Answers"/>), so an
/// action is answered once, with what was committed: actions a previous owner took and never answered (it died with
/// them) were never stored, and are run here exactly once. An action its writer could not store is given back.
/// Rows older than an hour (a sender that gave up) are removed.
/// </summary>
internal sealed partial class NurseCommandInbox(
    DatabaseConnections connections,
    NodeNotifications notifications,
    Application.Hosting.DatabaseOutage outage,
    IServiceProvider services,
    TimeProvider time,
    ILogger<NurseCommandInbox> logger) : BackgroundService
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    /// <summary>This process, in <c>taken_by</c>: a worker restarted under the same name takes its unanswered actions again.</summary>
    private readonly string _taker = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections is not PostgreSqlConnections { Leases: var leases } postgreSql || leases.Sites is [SiteLeases.WholeDatabase])
        {
            return;
        }

        try
        {
            await leases.WaitUntilHeldAsync(stoppingToken);
            var local = services.GetRequiredService<ILocalNurseActions>();
            var taker = $"{leases.Worker} {_taker}";
            var sweepAt = time.GetUtcNow();
            while (true)
            {
                var signal = notifications.CommandsSignal; // before the look: a NOTIFY during it wakes the wait below at once
                var mark = outage.Mark();
                try
                {
                    await using var connection = await postgreSql.DataSource.OpenConnectionAsync(stoppingToken);
                    foreach (var (id, request) in await TakeAsync(connection, leases.Sites, taker, stoppingToken))
                    {
                        await AnswerAsync(connection, id, taker, request, local, stoppingToken);
                    }

                    if (time.GetUtcNow() >= sweepAt)
                    {
                        await SweepAsync(connection, stoppingToken);
                        sweepAt = time.GetUtcNow() + SweepEvery;
                    }

                    outage.Reached("the command relay", mark);
                }
                catch (Exception e) when (e is not OperationCanceledException && outage.Report("the command relay", e))
                {
                    // waited out: the actions stay in the table, taken again on a fresh connection
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    LogInboxFailed(logger, e.GetType().Name);
                }

                await notifications.WaitAsync(signal, NodeNotifications.Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: actions not yet answered are taken by the next owner
        }
    }

    private static async Task<List<(long Id, NurseRequest Request)>> TakeAsync(
        NpgsqlConnection connection, IReadOnlyList<string> sites, string taker, CancellationToken cancellationToken)
    {
        await using var take = new NpgsqlCommand(
            "UPDATE nurse_commands SET taken_by = @taker WHERE id IN (SELECT id FROM nurse_commands " +
            "WHERE answer IS NULL AND site = ANY(@sites) AND (taken_by IS NULL OR taken_by <> @taker) ORDER BY id FOR UPDATE SKIP LOCKED) " +
            "RETURNING id, request::text", connection);
        take.Parameters.AddWithValue("taker", taker);
        take.Parameters.AddWithValue("sites", sites.ToArray());
        var taken = new List<(long, NurseRequest)>();
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add((reader.GetInt64(0), JsonSerializer.Deserialize<NurseRequest>(reader.GetString(1), NurseCommandJson.Options)!));
            }
        }

        return [.. taken.OrderBy(t => t.Item1)];
    }

    private async Task AnswerAsync(
        NpgsqlConnection connection, long id, string taker, NurseRequest request, ILocalNurseActions local, CancellationToken cancellationToken)
    {
        NurseActionResult result;
        try
        {
            result = await local.WriteAsync(request, id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not stored (the database was away, or this worker is stopping): given back, taken again at the next look (by
            // this owner or the next); a give-back the database cannot take is waited out by the loop like any outage.
            await using var giveBack = new NpgsqlCommand("UPDATE nurse_commands SET taken_by = NULL WHERE id = @id AND taken_by = @taker", connection);
            giveBack.Parameters.AddWithValue("id", id);
            giveBack.Parameters.AddWithValue("taker", taker);
            await giveBack.ExecuteNonQueryAsync(CancellationToken.None);
            LogGivenBack(logger, request.Kind, id, e.GetType().Name);
            return;
        }

        // A stored action was answered in its commit; one that stored nothing (a refusal, an unknown session, a
        // confirmation to ask for) is answered now.
        await WriteAnswerAsync(connection, null, id, RelayedNurseAnswer.From(result), CancellationToken.None);

        LogAnswered(logger, request.Kind, id, result.Outcome);
    }

    /// <summary>Writes a command's answer, unless it has one (an answer is decided once), with a NOTIFY to its sender.</summary>
    public static async Task WriteAnswerAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, RelayedNurseAnswer answer, CancellationToken cancellationToken)
    {
        await using var write = new NpgsqlCommand(
            "UPDATE nurse_commands SET answer = @answer, answered_at = clock_timestamp() WHERE id = @id AND answer IS NULL; " +
            $"SELECT pg_notify('{NodeNotifications.AnswersChannel}', @id::text)", connection, transaction);
        write.Parameters.AddWithValue("id", id);
        write.Parameters.AddWithValue("answer", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(answer, NurseCommandJson.Options));
        await write.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SweepAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var sweep = new NpgsqlCommand("DELETE FROM nurse_commands WHERE sent_at < clock_timestamp() - interval '1 hour'", connection);
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nurse action {Kind} from another node answered (command {Id}): {Outcome}")]
    private static partial void LogAnswered(ILogger logger, NurseActionKind kind, long id, NurseActionOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nurse action {Kind} from another node (command {Id}) was not stored ({ErrorType}); given back to be taken again")]
    private static partial void LogGivenBack(ILogger logger, NurseActionKind kind, long id, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nurse actions from other nodes: the database could not be read ({ErrorType}); trying again")]
    private static partial void LogInboxFailed(ILogger logger, string errorType);
}
