namespace InfusionSuite.LoadTest;

/// <summary>A process's CPU use between two moments, as a share of one core.</summary>
internal sealed class CpuWindow(int pid, TimeProvider time)
{
    private double _cpu0;
    private long _t0;
    private double _cpu1;
    private TimeSpan _wall;

    public void Begin()
    {
        _cpu0 = ProcessUsage.CpuSeconds(pid);
        _t0 = time.GetTimestamp();
    }

    public void End()
    {
        _cpu1 = ProcessUsage.CpuSeconds(pid);
        _wall = time.GetElapsedTime(_t0);
    }

    public double PercentOfOneCore => 100 * (_cpu1 - _cpu0) / _wall.TotalSeconds;

    public TimeSpan Wall => _wall;
}
