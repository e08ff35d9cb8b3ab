using Microsoft.Extensions.Logging;

namespace InfusionSuite.Testing;

/// <summary>Hands every entry at <see cref="LogLevel.Error"/> or above to its collector; ignores the rest.</summary>
internal sealed class ErrorCollectingLogger(string category, Action<LoggedError> collect) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            collect(new LoggedError(logLevel, category, formatter(state, exception), exception));
        }
    }
}
