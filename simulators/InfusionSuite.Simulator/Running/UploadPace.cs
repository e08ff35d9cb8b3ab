namespace InfusionSuite.Simulator.Running;

/// <summary>How a controller cut off from its broker sends the messages it stored, once it is back (docs/clinical-rules.md, "Clocks").</summary>
public enum UploadPace
{
    /// <summary>All at once, as fast as the link takes them.</summary>
    Full,

    /// <summary>In chunks of <see cref="ControllerCutOff.ChunkSize"/>, each at full speed, with <see cref="ControllerCutOff.ChunkPause"/> between them.</summary>
    Chunks,

    /// <summary>One by one, <see cref="ControllerCutOff.TrickleGap"/> apart.</summary>
    Trickle,
}
