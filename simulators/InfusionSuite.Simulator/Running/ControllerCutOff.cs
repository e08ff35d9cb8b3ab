namespace InfusionSuite.Simulator.Running;

/// <summary>
/// A controller cut off from its broker (or serial host) for <see cref="For"/>, <see cref="After"/> simulated time
/// after it powered on: it keeps cooling and stores its samples and events; the link goes down (MQTT: its Last Will).
/// When it is back it says hello (same boot) and uploads what it stored at <see cref="Upload"/>'s pace, then goes on live.
/// </summary>
public sealed record ControllerCutOff
{
    /// <summary>Messages per chunk for <see cref="UploadPace.Chunks"/>.</summary>
    public const int ChunkSize = 10;

    /// <summary>Simulated time between two chunks.</summary>
    public static readonly TimeSpan ChunkPause = TimeSpan.FromSeconds(2);

    /// <summary>Simulated time between two messages of a trickle.</summary>
    public static readonly TimeSpan TrickleGap = TimeSpan.FromMilliseconds(200);

    /// <summary>When the link goes, counted from the chair's power-on.</summary>
    public required TimeSpan After { get; init; }

    /// <summary>How long it stays cut off.</summary>
    public required TimeSpan For { get; init; }

    public UploadPace Upload { get; init; } = UploadPace.Full;

    /// <summary>Whether a message due at <paramref name="at"/> falls while the link is cut.</summary>
    public bool Cuts(DateTimeOffset at, DateTimeOffset poweredOnAt) => at >= poweredOnAt + After && at < poweredOnAt + After + For;

    /// <summary>The simulated time to wait before sending stored message number <paramref name="index"/> (0 first).</summary>
    public TimeSpan PauseBefore(int index) => Upload switch
    {
        UploadPace.Chunks => index > 0 && index % ChunkSize == 0 ? ChunkPause : TimeSpan.Zero,
        UploadPace.Trickle => index > 0 ? TrickleGap : TimeSpan.Zero,
        _ => TimeSpan.Zero,
    };
}
