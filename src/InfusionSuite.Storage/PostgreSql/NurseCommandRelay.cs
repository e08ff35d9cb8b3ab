using System.Text.Json;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// A nurse action on a chair of a site another worker owns (the controller's site in <c>controller_sites</c>, not one
/// this worker holds the lease of): written to <c>nurse_commands</c> with a NOTIFY to the owners, then the answer the
/// owner gives after its commit is read back (woken by its NOTIFY, or looked up every second) and the row removed.
/// A chair whose site nobody recorded yet, a single suite and a worker owning the whole database write here.
/// An owner that dies with the action is replaced by its standby, which takes the action again; the sender waits
/// twice the lease and ten seconds more before it gives up (and withdraws the action if nobody took it).
/// </summary>
internal sealed partial class NurseCommandRelay(
    DatabaseConnections connections,
    NodeNotifications notifications,
    IHostApplicationLifetime lifetime,
    IStorageOutages outages,
    TimeProvider time,
    ILogger<NurseCommandRelay> logger) : INurseCommandRelay
{
    public async Task<RelayedNurseAnswer?> SendAsync(NurseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (connections is not PostgreSqlConnections { Leases: var leases } postgreSql || leases.Sites is [SiteLeases.WholeDatabase])
        {
            return null;
        }

        try
        {
            return await RelayAsync(postgreSql, leases, request, cancellationToken);
        }
        catch (Exception e) when (outages.OutageReason(e) is { } reason)
        {
            throw new StorageUnavailableException($"Storage: the database cannot be reached just now ({reason}); the action was not recorded unless the chair's page shows it. Try again in a moment.", e);
        }
    }

    private async Task<RelayedNurseAnswer?> RelayAsync(PostgreSqlConnections postgreSql, SiteLeases leases, NurseRequest request, CancellationToken requestAborted)
    {
        // A node that begins to stop answers at once (503) rather than holding its stop until the owner answers.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        long id;
        string site;
        await using (var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await SiteOfAsync(connection, request, cancellationToken) is not { } found || (leases.IsHeld && leases.Sites.Contains(found, StringComparer.Ordinal)))
            {
                return null;
            }

            site = found;
            id = await InsertAsync(connection, site, request, cancellationToken);
        }

        LogSent(logger, request.Kind, site, id);
        var limit = (2 * leases.Duration) + TimeSpan.FromSeconds(10);
        var giveUpAt = time.GetUtcNow() + limit;
        try
        {
            while (true)
            {
                try
                {
                    if (await TakeAnswerAsync(postgreSql, id, cancellationToken) is { } answer)
                    {
                        return answer;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && outages.OutageReason(e) is not null && time.GetUtcNow() < giveUpAt)
                {
                    // The database went away while the owner worked on the action: its answer is looked for again on a fresh connection.
                }

                if (time.GetUtcNow() >= giveUpAt)
                {
                    await WithdrawAsync(postgreSql, id);
                    throw new StorageUnavailableException(
                        $"Storage: no worker owning site {site} answered the nurse action within {limit.TotalSeconds:F0} s; it was not recorded unless the site's page shows it.");
                }

                await notifications.WaitForAnswerAsync(id, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            await WithdrawAsync(postgreSql, id);
            throw new StorageUnavailableException(
                $"This node is stopping: the action sent to the owner of site {site} was withdrawn if it had not been taken yet; look at the chair's page, then send it to another node.");
        }
        catch (OperationCanceledException)
        {
            await WithdrawAsync(postgreSql, id);
            throw;
        }
        finally
        {
            notifications.Forget(id);
        }
    }

    private static async Task<string?> SiteOfAsync(NpgsqlConnection connection, NurseRequest request, CancellationToken cancellationToken)
    {
        await using var query = request.ControllerId is { } controllerId
            ? new NpgsqlCommand("SELECT site FROM controller_sites WHERE controller_id = @id", connection) { Parameters = { new("id", controllerId) } }
            : new NpgsqlCommand(
                "SELECT cs.site FROM sessions s JOIN controllers c ON c.controller_key = s.controller_key " +
                "JOIN controller_sites cs ON cs.controller_id = c.controller_id WHERE s.session_id = @id", connection)
            { Parameters = { new("id", request.SessionId ?? string.Empty) } };
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<long> InsertAsync(NpgsqlConnection connection, string site, NurseRequest request, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO nurse_commands (site, request) VALUES (@site, @request) RETURNING id", connection);
        insert.Parameters.AddWithValue("site", site);
        insert.Parameters.AddWithValue("request", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(request, NurseCommandJson.Options));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{NodeNotifications.CommandsChannel}', @site)", connection);
        notify.Parameters.AddWithValue("site", site);
        await notify.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    private static async Task<RelayedNurseAnswer?> TakeAnswerAsync(PostgreSqlConnections postgreSql, long id, CancellationToken cancellationToken)
    {
        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        await using var take = new NpgsqlCommand("DELETE FROM nurse_commands WHERE id = @id AND answer IS NOT NULL RETURNING answer::text", connection);
        take.Parameters.AddWithValue("id", id);
        return await take.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<RelayedNurseAnswer>(json, NurseCommandJson.Options)
            : null;
    }

    /// <summary>Nobody took it yet: it never runs. Taken: it may still be answered; the table's sweep removes it.</summary>
    private static async Task WithdrawAsync(PostgreSqlConnections postgreSql, long id)
    {
        try
        {
            await using var connection = await postgreSql.DataSource.OpenConnectionAsync(CancellationToken.None);
            await using var withdraw = new NpgsqlCommand("DELETE FROM nurse_commands WHERE id = @id AND taken_by IS NULL", connection);
            withdraw.Parameters.AddWithValue("id", id);
            await withdraw.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // the database is away: the sweep removes the row later
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nurse action {Kind} sent to the owner of site {Site} (command {Id})")]
    private static partial void LogSent(ILogger logger, NurseActionKind kind, string site, long id);
}
