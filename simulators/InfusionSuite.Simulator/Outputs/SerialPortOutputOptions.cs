namespace InfusionSuite.Simulator.Outputs;

/// <summary>The serial port a simulated controller writes to (CCP/1: 115200 8N1, no flow control).</summary>
public sealed record SerialPortOutputOptions
{
    /// <summary>A device path such as <c>/dev/ttyUSB0</c>, a socat pty link, or <c>COM3</c>.</summary>
    public required string PortName { get; init; }

    public int BaudRate { get; init; } = 115200;

    /// <summary>A write that blocks longer (nobody reading, port gone) is dropped and counted.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
