using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;

namespace MailRelay.Tests.Support;

/// <summary>
/// s3rver (a real S3 REST server) on a free loopback port, started from <c>emulators/s3rver-host.mjs</c>
/// with one bucket already there and its files in a temporary folder. Use it as a class fixture.
/// </summary>
public sealed partial class S3rverProcess : IAsyncLifetime
{
    public const string BucketName = "mailrelay-test";
    public const string Region = "us-east-1";

    /// <summary>s3rver's built-in key pair.</summary>
    public static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    private readonly TempDirectory _files = new();
    private ChildProcess? _process;

    public Uri Url { get; private set; } = null!;

    /// <summary>The <c>Blobs</c> settings that point the S3 adapter at this server.</summary>
    public BlobStoreOptions Options(string keyPrefix = "") => new()
    {
        Provider = BlobStoreOptions.S3, BucketName = BucketName, Region = Region, ServiceUrl = Url.ToString(), KeyPrefix = keyPrefix,
    };

    public AmazonS3Client CreateClient(AWSCredentials? credentials = null) => S3Registration.CreateClient(Options(), credentials ?? Credentials);

    /// <summary>Also accepts <paramref name="extraAccessKeyId"/>, for a host that uses one set of fake credentials for every AWS service.</summary>
    public string? ExtraAccessKeyId { get; init; }

    public async Task InitializeAsync()
    {
        var folder = RepositoryPaths.Emulators;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "s3rver")))
        {
            throw new InvalidOperationException(
                $"The test emulators' npm packages are not installed in {folder}/node_modules: run ./test.sh " +
                "(it runs `npm ci` there), or `npm ci` in MailRelay.Tests/emulators.");
        }
        var port = FreePort.Next();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder };
        // s3rver's dependencies use MD5 through OpenSSL APIs that Node 17+ moved to the legacy provider.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        foreach (var argument in new[] { "s3rver-host.mjs", port.ToString(CultureInfo.InvariantCulture), _files.Path, BucketName, ExtraAccessKeyId ?? "" })
            start.ArgumentList.Add(argument);
        (_process, _) = await ChildProcess.StartAsync("s3rver", start, Ready(), TimeSpan.FromSeconds(30), CancellationToken.None);
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Transcript() => _process?.Transcript() ?? "";

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        _files.Dispose();
    }

    [GeneratedRegex(@"^READY \d+$")]
    private static partial Regex Ready();
}
