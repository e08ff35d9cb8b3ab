using System.Net;
using System.Net.Sockets;

namespace InfusionSuite.Demo;

/// <summary>A free TCP port on loopback for the demo's broker (1883 may be taken by a system broker).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
