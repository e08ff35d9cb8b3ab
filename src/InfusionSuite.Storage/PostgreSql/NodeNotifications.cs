using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// One connection that LISTENs for nurse actions sent to this worker (<c>nurse_commands</c>, payload: the site), for
/// answers to the actions this node sent (<c>nurse_answers</c>, payload: the command's id) and for sessions other
/// workers changed (<see cref="SessionChanges.Channel"/>), and wakes whoever waits for them. Notifications only shorten a wait: every waiter also looks in the table at least once per
/// <see cref="Poll"/>, so a lost connection (the database restarted) delays an answer, never loses it.
/// </summary>
internal sealed partial class NodeNotifications(
    DatabaseConnections connections,
    Application.Hosting.DatabaseOutage outage,
    TimeProvider time,
    ILogger<NodeNotifications> logger) : BackgroundService
{
    public const string CommandsChannel = "nurse_commands";
    public const string AnswersChannel = "nurse_answers";

    /// <summary>An owner's batch changed controllers' presence (<c>controller_presence</c>); payload: the worker.</summary>
    public const string PresenceChannel = "controller_presence";

    /// <summary>The longest a waiter goes without looking in the table itself.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<long, TaskCompletionSource> _answers = new();
    private readonly ConcurrentDictionary<string, byte> _changedSessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _changedControllers = new(StringComparer.Ordinal);
    private TaskCompletionSource _commands = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _sessions = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _presence = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listening;

    /// <summary>
    /// How many times this node started listening (0 before the first): when it moves on, notifications sent while the
    /// connection was down were lost, and whoever keeps state from them reads it again from the tables.
    /// </summary>
    public int Listening => Volatile.Read(ref _listening);

    /// <summary>
    /// What a waiter takes before it looks in the table: the signal of the next announcement of its kind. Taken before the
    /// look, so an announcement that arrives between the look and the wait still wakes the wait at once.
    /// </summary>
    public Task PresenceSignal => Volatile.Read(ref _presence).Task;

    /// <inheritdoc cref="PresenceSignal"/>
    public Task SessionsSignal => Volatile.Read(ref _sessions).Task;

    /// <inheritdoc cref="PresenceSignal"/>
    public Task CommandsSignal => Volatile.Read(ref _commands).Task;

    /// <summary>
    /// Until <paramref name="signal"/> (taken before the caller's last look) fires, or <paramref name="limit"/> passes (the
    /// fallback look: a notification lost with the connection only delays, never loses).
    /// </summary>
    public async Task WaitAsync(Task signal, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            await signal.WaitAsync(limit, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // look anyway
        }
    }

    /// <summary>The sessions other workers changed since the last call.</summary>
    public IReadOnlyCollection<string> TakeChangedSessions() => Take(_changedSessions);

    /// <summary>The controllers other workers stored a sample or setpoint of since the last call.</summary>
    public IReadOnlyCollection<string> TakeChangedControllers() => Take(_changedControllers);

    private static List<string> Take(ConcurrentDictionary<string, byte> changed)
    {
        var taken = new List<string>(changed.Count);
        foreach (var id in changed.Keys)
        {
            if (changed.TryRemove(id, out _))
            {
                taken.Add(id);
            }
        }

        return taken;
    }

    /// <summary>Until the command's answer may be there (notified), or <see cref="Poll"/>.</summary>
    public async Task WaitForAnswerAsync(long id, CancellationToken cancellationToken)
    {
        var answered = _answers.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await answered.Task.WaitAsync(Poll, time, cancellationToken);
            _answers.TryUpdate(id, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), answered); // the next wait waits again
        }
        catch (TimeoutException)
        {
            // look anyway
        }
    }

    /// <summary>The sender read its answer (or gave up): nothing more to wake.</summary>
    public void Forget(long id) => _answers.TryRemove(id, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections is not PostgreSqlConnections postgreSql)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var mark = outage.Mark();
            try
            {
                await using var connection = await postgreSql.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {CommandsChannel}; LISTEN {AnswersChannel}; LISTEN {SessionChanges.Channel}; LISTEN {PresenceChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                outage.Reached("the listener", mark);
                Interlocked.Increment(ref _listening);
                WakeAll(); // whatever was sent while nobody listened is looked up now
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!outage.Report("the listener", e))
                {
                    LogListenFailed(logger, e.GetType().Name);
                }

                WakeAll();
                try
                {
                    await Task.Delay(Poll, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == AnswersChannel && long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            _answers.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        else if (e.Channel == CommandsChannel)
        {
            Interlocked.Exchange(ref _commands, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        else if (e.Channel == PresenceChannel)
        {
            Interlocked.Exchange(ref _presence, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        else if (e.Channel == SessionChanges.Channel && connections is PostgreSqlConnections { Leases.Worker: var self })
        {
            var (worker, sessions, controllers) = SessionChanges.Parse(e.Payload);
            if (worker != self)
            {
                foreach (var sessionId in sessions)
                {
                    _changedSessions[sessionId] = 0;
                }

                foreach (var controllerId in controllers)
                {
                    _changedControllers[controllerId] = 0;
                }

                Interlocked.Exchange(ref _sessions, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }

    private void WakeAll()
    {
        Interlocked.Exchange(ref _sessions, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Interlocked.Exchange(ref _presence, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Interlocked.Exchange(ref _commands, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        foreach (var waiting in _answers.Values)
        {
            waiting.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for nurse actions across nodes failed ({ErrorType}); looking in the table every second meanwhile, listening again")]
    private static partial void LogListenFailed(ILogger logger, string errorType);
}
