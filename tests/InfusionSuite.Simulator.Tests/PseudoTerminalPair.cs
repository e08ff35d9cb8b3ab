namespace InfusionSuite.Simulator.Tests;

/// <summary>A real serial link for tests: two pseudo-terminals joined by socat, <see cref="ControllerEnd"/> and <see cref="HostEnd"/>.</summary>
internal sealed class PseudoTerminalPair : IDisposable
{
    private readonly string _directory;
    private readonly ExternalTool _socat;

    private PseudoTerminalPair(string directory, ExternalTool socat)
    {
        _directory = directory;
        _socat = socat;
    }

    public string ControllerEnd => Path.Combine(_directory, "ttyA");

    public string HostEnd => Path.Combine(_directory, "ttyB");

    public bool Alive => !_socat.HasExited;

    public static async Task<PseudoTerminalPair> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("ccp-pty-").FullName;
        var socat = ExternalTool.Start(
            "/usr/bin/socat", "-d", "-d",
            $"pty,raw,echo=0,link={Path.Combine(directory, "ttyA")}",
            $"pty,raw,echo=0,link={Path.Combine(directory, "ttyB")}");
        var pair = new PseudoTerminalPair(directory, socat);
        await ExternalTool.WaitUntilAsync(() => File.Exists(pair.ControllerEnd) && File.Exists(pair.HostEnd), TimeSpan.FromSeconds(10), "socat's pseudo-terminals");
        return pair;
    }

    public void Dispose()
    {
        _socat.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
