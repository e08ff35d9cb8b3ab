using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Devices.Serial;

/// <summary>
/// Reads one serial port: opens it, asks <c>$CCQ,HELLO</c>, feeds what arrives to the CCP/1 line
/// reader and queues every valid frame. While frames come from a controller that has not said hello
/// (it missed the query), it asks again, at most once per <see cref="HelloRetryInterval"/>. Any read or write failure is a lost port: its controllers
/// are offline at once, the old port is disposed off the read path with a time limit, and the port
/// is reopened with back-off (1 s doubling to 30 s by default) on the TimeProvider.
/// </summary>
internal sealed partial class SerialPortLink(
    SerialPortOptions port,
    SerialLinkOptions options,
    ISerialPortOpener opener,
    SerialFrameReaderFactory frames,
    IControllerMessageSink sink,
    ControllerPresence presence,
    CcpMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SerialPortLink> logger) : BackgroundService
{
    /// <summary>Shortest time between two <c>$CCQ,HELLO</c> on one port (a controller answers within about a second).</summary>
    internal static readonly TimeSpan HelloRetryInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan DisposeTimeLimit = TimeSpan.FromSeconds(2);

    public string LinkName => "serial:" + port.Path;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.ReopenDelayMin;
        var openedBefore = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (TryOpen() is { } connection)
                {
                    if (openedBefore)
                    {
                        metrics.Reconnect(CcpTransport.Serial);
                    }

                    openedBefore = true;
                    delay = options.ReopenDelayMin;
                    presence.SetLinkUp(LinkName, true);
                    LogOpened(logger, port.Path);
                    try
                    {
                        await ReadUntilLostAsync(connection, stoppingToken);
                    }
                    finally
                    {
                        await ReportLostAsync(stoppingToken);
                        await DisposeOffPathAsync(connection);
                    }
                }

                await Task.Delay(delay, timeProvider, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReopenDelayMax.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private ISerialConnection? TryOpen()
    {
        try
        {
            return opener.Open(port.Path, options);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogOpenFailed(logger, port.Path, exception.GetType().Name);
            return null;
        }
    }

    private async Task ReadUntilLostAsync(ISerialConnection connection, CancellationToken cancellationToken)
    {
        // A read pending on a port whose device vanished may ignore cancellation: closing the port ends it.
        await using var unblock = cancellationToken.Register(() => _ = DisposeOffPathAsync(connection));
        var reader = frames.CreateReader(port);
        var buffer = new byte[4096];
        try
        {
            await WriteQueryAsync(connection, cancellationToken);
            var askedAt = timeProvider.GetUtcNow();
            while (true)
            {
                var read = await connection.Stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    LogLost(logger, port.Path, "end of stream");
                    return;
                }

                await reader.FeedAsync(buffer.AsMemory(0, read), cancellationToken);
                if (reader.HelloNeeded && timeProvider.GetUtcNow() - askedAt >= HelloRetryInterval)
                {
                    reader.HelloNeeded = false;
                    LogAskingAgain(logger, port.Path);
                    await WriteQueryAsync(connection, cancellationToken);
                    askedAt = timeProvider.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogLost(logger, port.Path, exception.GetType().Name);
        }
        finally
        {
            reader.Reset();
        }
    }

    /// <summary>Asks the controller to say who it is; a write that does not finish in time is a lost port.</summary>
    private async Task WriteQueryAsync(ISerialConnection connection, CancellationToken cancellationToken)
    {
        using var writeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        writeTimeout.CancelAfter(options.WriteTimeout);
        await connection.Stream.WriteAsync(CcpSerialWriter.Query.ToArray(), writeTimeout.Token);
        await connection.Stream.FlushAsync(writeTimeout.Token);
    }

    private async Task ReportLostAsync(CancellationToken cancellationToken)
    {
        presence.SetLinkUp(LinkName, false);
        var now = timeProvider.GetUtcNow();
        foreach (var entry in presence.MarkPortOffline(port.Path))
        {
            await sink.WriteAsync(PresenceMessages.Offline(entry, PresenceReason.PortClosed, now), cancellationToken);
        }
    }

    private async Task DisposeOffPathAsync(ISerialConnection connection)
    {
        var disposing = Task.Run(connection.Dispose, CancellationToken.None);
        try
        {
            await disposing.WaitAsync(DisposeTimeLimit, timeProvider, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            LogDisposeHung(logger, port.Path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogLost(logger, port.Path, "dispose: " + exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serial port {Port} open; asked the controller to say hello")]
    private static partial void LogOpened(ILogger logger, string port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Serial port {Port}: frames from a controller that has not said hello; asked again")]
    private static partial void LogAskingAgain(ILogger logger, string port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Serial port {Port} did not open: {ErrorType}")]
    private static partial void LogOpenFailed(ILogger logger, string port, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serial port {Port} lost ({Cause}); its controllers are offline, reopening with back-off")]
    private static partial void LogLost(ILogger logger, string port, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing serial port {Port} did not finish in time; left to finish in the background")]
    private static partial void LogDisposeHung(ILogger logger, string port);
}
