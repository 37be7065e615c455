using System.Text;
using Amazon.S3.Model;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The real app on the AWS profile (<c>ASPNETCORE_ENVIRONMENT=Aws</c>), configured only through
/// environment variables as App Runner configures it, with every port pointed at a test peer:
/// the store at dynalite, blobs at s3rver, inbound and outbound events at two fake SQS queues,
/// secrets at the fake KMS, SMTP identities at the fake IAM, Gmail at the fake Google,
/// notifications at the SMTP sink and sign-in at the test OIDC issuer (a confidential client).
/// </summary>
public sealed class AwsAppFixture : IAsyncLifetime
{
    public const string AliceGmail = "alice@gmail.example";
    public const string OidcClientSecret = "oidc-client-secret-for-tests";
    public const string TableName = "mailrelay-e2e";
    public const string OutboundEventsQueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/mailrelay-outbound-events";
    public const string SmtpUser = "AKIAMAILRELAYNOTICES";
    private const string SmtpPassword = "BM7s/notification-password";

    private readonly List<IAsyncDisposable> _peers = [];
    private readonly TempDirectory _files = new();
    private FakeSqsEndpoint? _inboundEndpoint;
    private AppProcess? _app;

    public DynaliteProcess Dynalite { get; } = new();

    public S3rverProcess S3 { get; } = new() { ExtraAccessKeyId = FakeSqsEndpoint.Credentials.AccessKey };

    public FakeGoogle Google { get; private set; } = null!;

    public FakeSqsQueue Inbound { get; private set; } = null!;

    public FakeSqsEndpoint OutboundEndpoint { get; private set; } = null!;

    public FakeKmsEndpoint Kms { get; private set; } = null!;

    public FakeIamEndpoint Iam { get; private set; } = null!;

    public SmtpSinkProcess Smtp { get; private set; } = null!;

    public OidcIssuerProcess Issuer { get; private set; } = null!;

    public AppProcess App => _app ?? throw new InvalidOperationException("The AWS app fixture is not initialized.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await Dynalite.InitializeAsync();
            await S3.InitializeAsync();
            Google = Keep(await FakeGoogle.StartAsync());
            Google.DefaultConsentAccount = AliceGmail;
            _inboundEndpoint = Keep(await FakeSqsEndpoint.StartAsync());
            Inbound = _inboundEndpoint.Queue;
            OutboundEndpoint = Keep(await FakeSqsEndpoint.StartAsync(queueUrl: OutboundEventsQueueUrl));
            Kms = Keep(await FakeKmsEndpoint.StartAsync());
            Iam = Keep(await FakeIamEndpoint.StartAsync());
            Smtp = Keep(await SmtpSinkProcess.StartAsync(SmtpUser, SmtpPassword, timeout.Token));
            // The issuer checks the secret arrives as HTTP Basic, as Cognito's token endpoint expects it.
            Issuer = Keep(await OidcIssuerProcess.StartAsync(timeout.Token, (OidcAppFixture.ClientId, OidcClientSecret)));
            _app = await StartInstanceAsync(new Dictionary<string, string>(), timeout.Token);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts one more instance of the app over this environment (the same table, bucket, queues,
    /// fakes and issuer), as a second ECS task joins the first, with <paramref name="overrides"/>
    /// added to its environment. The caller disposes it.
    /// </summary>
    public Task<AppProcess> StartInstanceAsync(IReadOnlyDictionary<string, string> overrides, CancellationToken cancellationToken)
    {
        var environment = Environment(_inboundEndpoint ?? throw new InvalidOperationException("The AWS app fixture is not initialized."));
        foreach (var (key, value) in overrides) environment[key] = value;
        return AppProcess.StartAsync(new Dictionary<string, string>(), "Aws", environment, cancellationToken);
    }

    /// <summary>What the platform would set: the AWS profile's blanks filled in, and the test peers' endpoints.</summary>
    private Dictionary<string, string> Environment(FakeSqsEndpoint inbound)
    {
        var credentials = FakeSqsEndpoint.Credentials;
        var environment = new Dictionary<string, string>
        {
            // The AWS SDK's default chain reads these first, as it reads an instance role's in App Runner;
            // every fake and emulator accepts them.
            ["AWS_ACCESS_KEY_ID"] = credentials.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey,
            ["AWS_SESSION_TOKEN"] = credentials.Token,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            // The SMTP sink's self-signed certificate is the only root the app trusts for STARTTLS.
            ["SSL_CERT_FILE"] = SmtpCertificateFile(),
            ["Hosting__StaticWebAssets"] = "true",
            ["Store__TableName"] = TableName,
            ["Store__Region"] = "eu-west-1",
            ["Store__ServiceUrl"] = Dynalite.ServiceUrl,
            ["Store__CreateTable"] = "true",
            ["Blobs__BucketName"] = S3rverProcess.BucketName,
            ["Blobs__Region"] = S3rverProcess.Region,
            ["Blobs__ServiceUrl"] = S3.Url.ToString(),
            ["Inbound__Sqs__QueueUrl"] = FakeSqsEndpoint.QueueUrl,
            ["Inbound__Sqs__Region"] = FakeSqsEndpoint.Region,
            ["Inbound__Sqs__ServiceUrl"] = inbound.Url.ToString(),
            ["Inbound__Sqs__WaitTimeSeconds"] = "0",
            ["Outbound__EventsQueueUrl"] = OutboundEventsQueueUrl,
            ["Outbound__Region"] = FakeSqsEndpoint.Region,
            ["Outbound__ServiceUrl"] = OutboundEndpoint.Url.ToString(),
            ["Outbound__WaitTimeSeconds"] = "0",
            ["Outbound__Interval"] = "00:00:01",
            ["Secrets__KeyId"] = FakeKmsEndpoint.KeyId,
            ["Secrets__Region"] = FakeKmsEndpoint.Region,
            ["Secrets__ServiceUrl"] = Kms.Url.ToString(),
            ["SmtpIdentity__Region"] = "us-east-1",
            ["SmtpIdentity__SendingDomains__0"] = "example.com",
            ["SmtpIdentity__IamServiceUrl"] = Iam.Url.ToString(),
            ["Notifications__From"] = "MailRelay <mailrelay@example.com>",
            ["Notifications__PublicBaseUrl"] = "http://127.0.0.1",
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__Smtp__Username"] = SmtpUser,
            ["Notifications__Smtp__Password"] = SmtpPassword,
            ["SignIn__Oidc__Authority"] = Issuer.Authority,
            ["SignIn__Oidc__ClientId"] = OidcAppFixture.ClientId,
            ["SignIn__Oidc__ClientSecret"] = OidcClientSecret,
            // The test issuer is plain http on loopback.
            ["SignIn__Oidc__RequireHttpsMetadata"] = "false",
            ["Forwarding__IntakeInterval"] = "00:00:00.500",
            ["Forwarding__ForwardInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in Google.CreateSettings()) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        return environment;
    }

    private string SmtpCertificateFile()
    {
        var file = Path.Combine(_files.Path, "trusted-roots.pem");
        File.WriteAllText(file, Smtp.Certificate.ExportCertificatePem());
        return file;
    }

    /// <summary>What SES does with a message for <paramref name="recipient"/>: the raw MIME into the bucket under inbound/, the notification onto the queue.</summary>
    public async Task<(byte[] Raw, string Notification)> SendThroughSesAsync(string recipient, string subject)
    {
        var raw = Encoding.UTF8.GetBytes(MessageFiles.Raw(recipient, subject));
        var sesMessageId = Guid.NewGuid().ToString("N");
        var objectKey = $"inbound/{sesMessageId}";
        using (var s3 = S3.CreateClient())
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverProcess.BucketName, Key = objectKey, InputStream = new MemoryStream(raw) });
        var notification = SesNotifications.SqsBody(sesMessageId, [recipient], objectKey, S3rverProcess.BucketName);
        Inbound.Send(notification);
        return (raw, notification);
    }

    private T Keep<T>(T peer) where T : IAsyncDisposable
    {
        _peers.Add(peer);
        return peer;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
        foreach (var peer in Enumerable.Reverse(_peers)) await peer.DisposeAsync();
        _peers.Clear();
        await S3.DisposeAsync();
        await Dynalite.DisposeAsync();
        _files.Dispose();
    }
}
