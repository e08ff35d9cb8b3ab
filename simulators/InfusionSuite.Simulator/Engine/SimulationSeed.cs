namespace InfusionSuite.Simulator.Engine;

/// <summary>Derives one stable random seed per controller from the run's seed (SplitMix64; never a per-process hash).</summary>
public static class SimulationSeed
{
    public static int For(int seed, int controllerIndex)
    {
        var z = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + ((ulong)(controllerIndex + 1) * 0xD1B54A32D192ED03UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }
}
