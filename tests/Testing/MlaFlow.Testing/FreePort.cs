using System.Net;
using System.Net.Sockets;

namespace MlaFlow.Testing;

/// <summary>Loopback ports for nodes and silos that tests run side by side.</summary>
public static class FreePort
{
    // The OS hands out a port nobody holds; another process could take it before the node binds, in which case the
    // node fails at start and says so.
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
