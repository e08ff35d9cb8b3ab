using System.Globalization;

namespace InfusionSuite.Simulator.Engine;

/// <summary>One simulated chair: its position in the run (0-based) and its controller id.</summary>
public sealed record SimulatedChair(int Index, string ControllerId)
{
    /// <summary>The chair at <paramref name="index"/> with the default id <c>CHAIR-01</c>, <c>CHAIR-02</c> …</summary>
    public static SimulatedChair Numbered(int index, string prefix = "CHAIR-") =>
        new(index, prefix + (index + 1).ToString("00", CultureInfo.InvariantCulture));
}
