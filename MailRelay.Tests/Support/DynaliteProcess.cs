using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Storage.Adapters;

namespace MailRelay.Tests.Support;

/// <summary>
/// dynalite (an in-memory DynamoDB emulator, npm) on a free loopback port, started once per test
/// collection. Tests keep apart by table name, so none depends on another's data.
/// </summary>
public sealed class DynaliteProcess : IAsyncLifetime
{
    private ChildProcess? _process;
    private int _tables;

    public int Port { get; private set; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var folder = RepositoryPaths.Emulators;
        if (!File.Exists(Path.Combine(folder, "node_modules", "dynalite", "cli.js")))
        {
            throw new InvalidOperationException(
                $"dynalite is not installed in {folder}/node_modules: run ./test.sh (it runs `npm ci` there), or `npm ci` in MailRelay.Tests/emulators.");
        }
        Port = FreePort.Next();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder };
        foreach (var argument in new[] { "node_modules/dynalite/cli.js", "--host", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                     "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" })
            start.ArgumentList.Add(argument);
        // dynalite prints nothing when it listens, so readiness is the port answering.
        _process = await ChildProcess.StartAsync("dynalite", start, PortAnswersAsync, TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    /// <summary>Settings for a table of its own (created by the store's InitializeAsync).</summary>
    public DynamoDbSettings NewTable() => new()
    {
        TableName = $"mailrelay-{Interlocked.Increment(ref _tables)}-{Guid.NewGuid():N}"[..40],
        Region = "eu-west-1",
        ServiceUrl = ServiceUrl,
        CreateTable = true,
    };

    /// <summary>A client for dynalite; it accepts any credentials.</summary>
    public AmazonDynamoDBClient CreateClient(DynamoDbSettings settings) =>
        DynamoDbRegistration.CreateClient(settings, new BasicAWSCredentials("test", "test"));

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }

    private async Task<bool> PortAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
