using System.Net;
using System.Net.Sockets;

namespace MailRelay.Tests.Support;

/// <summary>Free TCP ports on the loopback interface, for child processes that need a port of their own.</summary>
public static class FreePort
{
    /// <summary>A port the OS just handed out and released; another process could take it before
    /// the caller binds it, which is unlikely enough for tests on one machine.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
