using System.IO.Ports;

namespace InfusionSuite.Devices.Serial;

/// <summary>Opens ports with System.IO.Ports: 8N1, no flow control, write timeout set.</summary>
internal sealed class SystemSerialPortOpener : ISerialPortOpener
{
    public ISerialConnection Open(string path, SerialLinkOptions options)
    {
        var port = new SerialPort(path, options.BaudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            WriteTimeout = (int)options.WriteTimeout.TotalMilliseconds,
            ReadTimeout = SerialPort.InfiniteTimeout,
        };
        try
        {
            port.Open();
            return new Connection(port);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    private sealed class Connection(SerialPort port) : ISerialConnection
    {
        public Stream Stream => port.BaseStream;

        public void Dispose() => port.Dispose();
    }
}
