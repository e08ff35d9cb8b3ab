using System.Diagnostics;
using System.Globalization;

namespace InfusionSuite.LoadTest;

/// <summary>
/// A process's own CPU time (utime + stime of <c>/proc/&lt;pid&gt;/stat</c>) and peak resident memory
/// (<c>VmHWM</c> of <c>/proc/&lt;pid&gt;/status</c>).
/// </summary>
internal static class ProcessUsage
{
    private static readonly Lazy<double> s_ticksPerSecond = new(ClockTicks);

    /// <summary>CPU seconds the process used so far, user and system.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start at field 3 (state); utime is 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / s_ticksPerSecond.Value;
    }

    /// <summary>Peak resident set size in MB (VmHWM).</summary>
    public static double PeakMemoryMb(int pid) => StatusKb(pid, "VmHWM:") / 1024.0;

    public static double MemoryMb(int pid) => StatusKb(pid, "VmRSS:") / 1024.0;

    private static long StatusKb(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static double ClockTicks()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return double.Parse(text, CultureInfo.InvariantCulture);
    }
}
