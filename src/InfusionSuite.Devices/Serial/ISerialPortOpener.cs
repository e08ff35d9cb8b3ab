namespace InfusionSuite.Devices.Serial;

/// <summary>Opens serial ports (System.IO.Ports in production; a fake in unit tests).</summary>
internal interface ISerialPortOpener
{
    /// <summary>Opens the port or throws (while a USB adapter is unplugged, or a pseudo-terminal is gone).</summary>
    ISerialConnection Open(string path, SerialLinkOptions options);
}
