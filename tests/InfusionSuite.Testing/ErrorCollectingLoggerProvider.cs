using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Testing;

/// <summary>
/// A logger provider that keeps what a host logged at <see cref="LogLevel.Error"/> or above. Test
/// data only, so the messages are kept whole for the failure message.
/// </summary>
public sealed class ErrorCollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedError> _errors = new();

    public IReadOnlyList<LoggedError> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new ErrorCollectingLogger(categoryName, _errors.Enqueue);

    /// <summary>Nothing to release; the host's container may dispose it while the test still reads <see cref="Errors"/>.</summary>
    public void Dispose()
    {
    }
}
