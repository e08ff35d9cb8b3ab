namespace InfusionSuite.Devices.Serial;

/// <summary>An open serial port. Disposing may block when the device vanished: do it off the read path.</summary>
internal interface ISerialConnection : IDisposable
{
    Stream Stream { get; }
}
