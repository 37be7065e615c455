using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MailRelay.Benchmarks;

/// <summary>
/// dynalite (the DynamoDB emulator the tests use, from MailRelay.Tests/emulators/node_modules) on a
/// free loopback port for one benchmark run; stopped with its process tree when disposed.
/// </summary>
public sealed class DynaliteServer : IDisposable
{
    private readonly Process _process;

    private DynaliteServer(Process process, int port)
    {
        _process = process;
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public string ServiceUrl { get; }

    public static async Task<DynaliteServer> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../MailRelay.Tests/emulators"));
        if (!File.Exists(Path.Combine(folder, "node_modules", "dynalite", "cli.js")))
            throw new InvalidOperationException($"dynalite is not installed in {folder}/node_modules: run `npm ci` there.");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "node_modules/dynalite/cli.js", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0" })
            start.ArgumentList.Add(argument);
        var server = new DynaliteServer(Process.Start(start)!, port);
        // dynalite prints nothing when it listens, so readiness is the port answering.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
