using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Simulator.Cli;

/// <summary>What the live display shows for one chair.</summary>
internal sealed record ChairView(string ControllerId)
{
    public string Phase { get; init; } = "powering on";

    public bool Online { get; init; }

    public uint Boot { get; init; }

    public TelemetrySample? Last { get; init; }

    public string LastEvent { get; init; } = "";

    public int Messages { get; init; }

    public int Garbage { get; init; }

    /// <summary>Samples and events the transport could not carry (broker away, serial write failed).</summary>
    public int Lost { get; init; }

    public bool Done { get; init; }
}
