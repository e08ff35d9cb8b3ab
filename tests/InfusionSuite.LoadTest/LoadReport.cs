using System.Globalization;
using System.Runtime.InteropServices;

namespace InfusionSuite.LoadTest;

/// <summary>What the run prints: the machine and its load, then one line per figure.</summary>
internal sealed class LoadReport(TextWriter output)
{
    public void Machine(LoadArguments arguments)
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        Line($"machine: {model}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Line($"load average at start: {LoadAverage()}");
        Line(arguments.Verb == "serial"
            ? $"command: serial ports={arguments.Ports} rate={arguments.RateHz} Hz seconds={arguments.Seconds}"
            : $"command: mqtt controllers={arguments.Controllers} rate={arguments.RateHz} Hz seconds={arguments.Seconds} warmup={arguments.WarmupSeconds} " +
              $"samples={arguments.TotalSamples} connections={arguments.Connections} receive-maximum={arguments.ReceiveMaximum} backlog={arguments.Backlog}");
        foreach (var (key, value) in arguments.WorkerSettings)
        {
            Line($"worker setting: {key}={value}");
        }
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public void Line(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    public void Line(string text) => output.WriteLine(text);
}
