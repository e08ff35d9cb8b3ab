namespace InfusionSuite.Application.Ingest;

/// <summary>Where the writer is; <c>/health/ready</c> reads it.</summary>
public sealed class IngestState
{
    private volatile int _phase;

    /// <summary>True once open sessions are rebuilt and the writer takes messages.</summary>
    public bool IsRunning => _phase == 1;

    /// <summary>True when the writer stopped on a storage failure (the host stops with it).</summary>
    public bool HasFailed => _phase == 2;

    /// <summary>How many sessions were rebuilt from their logs at start.</summary>
    public int SessionsRebuilt { get; private set; }

    internal void Running(int rebuilt)
    {
        SessionsRebuilt = rebuilt;
        _phase = 1;
    }

    internal void Failed() => _phase = 2;
}
