namespace InfusionSuite.Demo;

/// <summary>The demo host's entry point (public for WebApplicationFactory in tests).</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Runs the demo (or prints its usage); returns the exit code.</summary>
    public static Task<int> Main(string[] args) => DemoCommandLine.InvokeAsync(args);
}
