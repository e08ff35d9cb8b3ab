using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Demo;

/// <summary>
/// The loopback TCP port of the demo's MQTT broker. <c>Demo:BrokerPort</c> (1–65535) when given; otherwise the
/// port the previous run with the same data folder used (kept in <see cref="FileName"/>) while it is free, so an
/// engineer's <c>mosquitto_sub -p …</c> keeps working across restarts; otherwise a free port, then kept.
/// 1883 is not assumed: a system broker may hold it.
/// </summary>
internal static class DemoBrokerPort
{
    /// <summary>The setting that fixes the port.</summary>
    public const string Key = "Demo:BrokerPort";

    /// <summary>The file in the data folder that keeps the port between runs (one decimal number).</summary>
    public const string FileName = "broker-port";

    /// <summary>Chooses the port (kept in <paramref name="dataFolder"/> by <see cref="Keep"/> once the broker listens).</summary>
    /// <param name="dataFolder">The demo's data folder (created when missing).</param>
    /// <param name="setting">The value of <see cref="Key"/>, or null when not given.</param>
    /// <exception cref="OptionsValidationException">The setting is not a port number, or its port is taken (the message names the setting).</exception>
    public static int Choose(string dataFolder, string? setting)
    {
        int port;
        if (setting is not null)
        {
            if (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65_535)
            {
                throw Refused($"{Key} must be a TCP port from 1 to 65535 (got '{setting}').");
            }

            if (!IsFree(port))
            {
                throw Refused($"{Key}: port {port.ToString(CultureInfo.InvariantCulture)} is in use on 127.0.0.1; choose another or leave the setting out.");
            }
        }
        else
        {
            port = Kept(dataFolder) is { } kept && IsFree(kept) ? kept : Free();
        }

        return port;
    }

    /// <summary>Keeps the port for the next run with the same data folder (once the broker listens on it: nothing is written by a demo that stops at start).</summary>
    public static void Keep(string dataFolder, int port)
    {
        Directory.CreateDirectory(dataFolder);
        File.WriteAllText(Path.Combine(dataFolder, FileName), port.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    /// <summary>A bad demo setting, said in one line as the host says any bad setting.</summary>
    private static OptionsValidationException Refused(string message) => new(Key, typeof(DemoSettings), [message]);

    private static int? Kept(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        return File.Exists(path)
            && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 1 and <= 65_535
            ? port
            : null;
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Free()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
