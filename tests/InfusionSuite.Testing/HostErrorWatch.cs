using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Testing;

/// <summary>
/// Makes a host fixture fail its test when anything logged an error or a task exception went
/// unobserved, as MQTTnet's <c>TestEnvironment</c> does. A test that provokes a failure on purpose
/// declares it with <see cref="ExpectErrors"/>; every other error fails the test when the fixture
/// is disposed (<see cref="ThrowIfUnexpected"/>).
/// </summary>
public sealed class HostErrorWatch : IDisposable
{
    private readonly ErrorCollectingLoggerProvider _log = new();
    private readonly UnobservedTaskExceptionGuard _tasks = new();
    // MQTTnet's own server (a test's embedded broker, the demo's broker) leaves its send loop's task unobserved when a client's
    // socket breaks as it disconnects ("Broken pipe" in MqttConnectedClient.SendPacketsLoop): the library's, not the host's.
    private readonly List<string> _expected = ["MQTTnet.Server.Internal.MqttConnectedClient.SendPacketsLoop"];

    public IReadOnlyList<LoggedError> Errors => _log.Errors;

    /// <summary>Adds the collecting provider to a host's services (its logger factory picks up every <see cref="ILoggerProvider"/>).</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_log);

    /// <summary>Declares that errors whose category, message, exception type or exception message contains <paramref name="fragment"/> are expected, and unobserved task exceptions whose text (with its stack) contains it.</summary>
    public void ExpectErrors(string fragment)
    {
        ArgumentException.ThrowIfNullOrEmpty(fragment);
        lock (_expected)
        {
            _expected.Add(fragment);
        }
    }

    /// <summary>The errors no test declared.</summary>
    public IReadOnlyList<LoggedError> Unexpected()
    {
        lock (_expected)
        {
            return [.. _log.Errors.Where(e => !_expected.Exists(e.Matches))];
        }
    }

    /// <summary>Throws naming every undeclared error and unobserved task exception.</summary>
    public void ThrowIfUnexpected()
    {
        List<string> expected;
        lock (_expected)
        {
            expected = [.. _expected];
        }

        var problems = Unexpected().Select(e => e.ToString())
            .Concat(_tasks.Collect()
                .Select(e => e.ToString())
                .Where(text => !expected.Exists(fragment => text.Contains(fragment, StringComparison.Ordinal)))
                .Select(text => $"Unobserved task exception: {text}"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The host logged errors no test declared (declare an expected one with ExpectErrors):" + Environment.NewLine
                + string.Join(Environment.NewLine, problems));
        }
    }

    public void Dispose() => _tasks.Dispose();
}
