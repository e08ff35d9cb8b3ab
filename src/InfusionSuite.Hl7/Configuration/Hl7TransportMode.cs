namespace InfusionSuite.Hl7.Configuration;

/// <summary>How messages reach the interface engine.</summary>
public enum Hl7TransportMode
{
    /// <summary>MLLP over TCP (optionally TLS) to <see cref="Hl7Options.Host"/>:<see cref="Hl7Options.Port"/>.</summary>
    Mllp,

    /// <summary>One file per message in <see cref="Hl7Options.Folder"/>, for a file-drop interface.</summary>
    File,
}
