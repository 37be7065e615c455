using System.Text;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The real Gmail adapter as <c>AddGmailDelivery</c> wires it, over a real SQLite store and Data
/// Protection, talking HTTP to a <see cref="FakeGoogle"/>; only the clock is fake.
/// </summary>
internal sealed class GmailDeliveryHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private ServiceProvider _services = null!;

    public FakeGoogle Google { get; private set; } = null!;
    public FakeTimeProvider Time { get; } = new(TestClock.Start);
    public CapturingLoggerProvider Logs { get; } = new();
    public StorePorts Store { get; private set; } = null!;
    public ISecretProtector Protector { get; private set; } = null!;
    public GmailMailboxDelivery Delivery => _services.GetRequiredService<GmailMailboxDelivery>();
    public GoogleAccessTokens Tokens => _services.GetRequiredService<GoogleAccessTokens>();

    public static async Task<GmailDeliveryHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var harness = new GmailDeliveryHarness();
        harness.Google = await FakeGoogle.StartAsync();
        harness.Store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(harness._directory.Path, "mailrelay.db")));
        await harness.Store.Schema.InitializeAsync(default);
        harness.Protector = new DataProtectionSecretProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(harness._directory.Path, "keys"))));

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(harness.Google.CreateSettings())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MailboxDelivery:Provider"] = GoogleOptions.GmailProvider })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(harness.Logs));
        services.AddSingleton<TimeProvider>(harness.Time);
        harness.Store.AddTo(services);
        services.AddSingleton(harness.Protector);
        services.AddOptions<MailboxDeliveryOptions>().BindConfiguration(MailboxDeliveryOptions.SectionName);
        services.AddGmailDelivery();
        harness._services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = harness._services.GetRequiredService<IOptions<GoogleOptions>>().Value; // what ValidateOnStart would do
        return harness;
    }

    /// <summary>Signs the user in, lets Google grant them a token and stores it encrypted, as the consent callback will.</summary>
    public async Task<FakeGoogleUser> ConnectAsync(string userId, string email, GmailConnectionStatus status = GmailConnectionStatus.Connected)
    {
        await Store.Users.UpsertUserAsync(userId, email, userId, [], Time.GetUtcNow(), default);
        var user = Google.AddUser(email);
        await SaveConnectionAsync(userId, user, status);
        return user;
    }

    /// <summary>Stores a (new) grant for the user, as a renewal does.</summary>
    public async Task SaveConnectionAsync(string userId, FakeGoogleUser user, GmailConnectionStatus status = GmailConnectionStatus.Connected)
    {
        var protectedToken = await Protector.ProtectAsync(user.RefreshToken, userId, default);
        await Store.Gmail.SaveGmailConnectionAsync(new GmailConnection(userId, user.Email, protectedToken, GmailScopes.Insert,
            Time.GetUtcNow(), Time.GetUtcNow() + TimeSpan.FromDays(7), status, 0, null, null), default);
    }

    public static MailboxDeliveryRequest Request(string userId, byte[] raw, bool markAsSpam = false, string? messageId = null) =>
        new(userId, messageId ?? $"ses-{Guid.NewGuid():N}", raw.Length, markAsSpam, _ => Task.FromResult<Stream>(new MemoryStream(raw, writable: false)));

    /// <summary>A MIME message of about <paramref name="size"/> bytes with CRLFs and 8-bit bytes, the same for the same seed.</summary>
    public static byte[] RawMessage(int size = 2_000, int seed = 1)
    {
        var header = Encoding.UTF8.GetBytes(
            "Return-Path: <sender@example.org>\r\nFrom: Sender <sender@example.org>\r\nTo: alice@relay.example\r\n" +
            "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nMessage-ID: <test@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße aus dem Test\r\n");
        var body = new byte[Math.Max(0, size - header.Length)];
        var random = new Random(seed);
        for (var i = 0; i < body.Length; i++) body[i] = i % 78 == 76 ? (byte)'\r' : i % 78 == 77 ? (byte)'\n' : (byte)random.Next(0x20, 0xFF);
        return [.. header, .. body];
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Google.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
