using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// The single ordered writer. One loop reads the controller queue (so each controller's order is
/// kept) and the nurse commands, folds each input into its controller's session, appends what was
/// accepted to the pending batch with a global ingest sequence number, commits the batch in one
/// transaction (at <see cref="IngestOptions.BatchMaxItems"/>, after <see cref="IngestOptions.BatchMaxDelay"/>,
/// or as soon as nothing more is waiting), and only then acknowledges the messages and answers the
/// nurses. Between batches it runs the <see cref="UnassignedSweep"/>. A commit that keeps failing stops the writer, and with it the host, loudly: nothing
/// unstored is ever acknowledged, and a restart rebuilds every session from the database.
/// </summary>
internal sealed partial class IngestWriter(
    ControllerMessageQueue queue,
    NurseCommandQueue commands,
    SessionRegistry sessions,
    ControllerMessageRouter messages,
    NurseCommandHandler nurses,
    PendingBatch pending,
    UnassignedSweep sweep,
    ControllerAdmission admission,
    IngestState state,
    IIngestStore store,
    DatabaseOutage outage,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    IOptions<IngestOptions> options,
    ILogger<IngestWriter> logger) : BackgroundService
{
    private static readonly TimeSpan FinalFlushLimit = TimeSpan.FromSeconds(5);

    private readonly IngestOptions _options = options.Value;
    private Task<bool>? _messageWait;
    private Task<bool>? _commandWait;

    protected override async Task ExecuteAsync(CancellationToken hostStopping)
    {
        // The writer stops as soon as the service begins to stop (not after the web server drained its requests): its last
        // batch is stored and what it holds is given up at once (PostgreSQL: its leases, so a standby takes over now).
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(hostStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        try
        {
            var recovery = await sessions.RecoverAsync(stoppingToken);
            pending.ContinueAfter(recovery.LastIngestSeq);
            admission.Known(recovery.KnownControllers ?? []);
            messages.ContinueAfter(recovery.LastMessages ?? []);
            foreach (var owed in sessions.OwedAtStart)
            {
                pending.Owe(owed);
            }
            var rebuilt = recovery.Sessions.Count;
            state.Running(rebuilt);
            LogStarted(logger, rebuilt);
            sweep.Start();
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushOnStopAsync();
            await CloseOnStopAsync();
        }
        catch (Exception exception)
        {
            state.Failed();
            pending.FailReplies(exception);
            LogWriterStopped(logger, exception);
            throw;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForWorkAsync(cancellationToken);
            var started = timeProvider.GetTimestamp();
            while (pending.Count < _options.BatchMaxItems && !pending.NurseWaiting)
            {
                if (commands.Reader.TryRead(out var command))
                {
                    await HandleAsync(command, cancellationToken);
                }
                else if (queue.Reader.TryRead(out var message))
                {
                    messages.Handle(message);
                    if (timeProvider.GetElapsedTime(started) >= _options.BatchMaxDelay)
                    {
                        break;
                    }
                }
                else
                {
                    break; // nothing waiting: commit now rather than sit on what we have
                }
            }

            await pending.CommitAsync(cancellationToken);
            try
            {
                await sweep.SweepIfDueAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && outage.Report("the ingest writer", e))
            {
                // the sweep runs again at its next interval
            }
        }
    }

    /// <summary>A nurse action that needed the database while it was away is answered so (nothing waits on it), and the writer carries on.</summary>
    private async Task HandleAsync(NurseCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await nurses.HandleAsync(command, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && outage.Report("the ingest writer", e))
        {
            command.Fail(new StorageUnavailableException(
                "Storage: the database cannot be reached just now; look at the chair's page, then try again in a moment.", e));
        }
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        _messageWait ??= queue.Reader.WaitToReadAsync(cancellationToken).AsTask();
        _commandWait ??= commands.Reader.WaitToReadAsync(cancellationToken).AsTask();
        if (!_messageWait.IsCompleted && !_commandWait.IsCompleted)
        {
            var due = pending.CorrectionDueAt is { } correction && correction < sweep.DueAt ? correction : sweep.DueAt;
            var untilSweep = due - timeProvider.GetUtcNow();
            using var sweepWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sweepDue = Task.Delay(untilSweep > TimeSpan.Zero ? untilSweep : TimeSpan.Zero, timeProvider, sweepWait.Token);
            await Task.WhenAny(_messageWait, _commandWait, sweepDue);
            await sweepWait.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_messageWait.IsCompleted)
        {
            await _messageWait;
            _messageWait = null;
        }

        if (_commandWait.IsCompleted)
        {
            await _commandWait;
            _commandWait = null;
        }
    }

    /// <summary>A graceful stop stores what is pending (serial frames have no broker to send them again).</summary>
    private async Task FlushOnStopAsync()
    {
        if (!state.IsRunning)
        {
            return;
        }

        using var limit = new CancellationTokenSource(FinalFlushLimit);
        try
        {
            while (queue.Reader.TryRead(out var message))
            {
                messages.Handle(message);
            }

            await pending.CommitAsync(limit.Token);
        }
        catch (Exception exception)
        {
            // Not stored, so not acknowledged: the broker delivers those messages again.
            LogFinalFlushFailed(logger, exception);
        }

        pending.FailReplies(new OperationCanceledException("The worker is stopping."));
    }

    /// <summary>After the last batch: what the writer holds is given up (a failure is logged; a lease then runs out by itself).</summary>
    private async Task CloseOnStopAsync()
    {
        using var limit = new CancellationTokenSource(FinalFlushLimit);
        try
        {
            await store.CloseAsync(limit.Token);
        }
        catch (Exception exception)
        {
            LogCloseFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The writer could not give up its right to write at stop ({ErrorType}); it runs out by itself")]
    private static partial void LogCloseFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest writer started; {Sessions} sessions rebuilt from their logs")]
    private static partial void LogStarted(ILogger logger, int sessions);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Ingest writer stopped: nothing unstored was acknowledged; the host stops and a restart rebuilds sessions from the database")]
    private static partial void LogWriterStopped(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending batch not stored at stop; unacknowledged messages will be delivered again")]
    private static partial void LogFinalFlushFailed(ILogger logger, Exception exception);
}
