using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The notification contract over SMTP (MailKit) against the real smtp-server process, with STARTTLS and AUTH.</summary>
public sealed class SmtpNotificationSenderContractTests : NotificationSenderContract
{
    private const string User = "AKIAMAILRELAYCONTRACT";
    private const string Password = "BM7s/contract-password";
    private readonly int _unusedPort = FreePort.Next();
    private SmtpSinkProcess _sink = null!;

    protected override async Task<INotificationSender> CreateSenderAsync()
    {
        _sink = await SmtpSinkProcess.StartAsync(User, Password, CancellationToken.None);
        return SenderOn(_sink.Port);
    }

    /// <summary>Nothing listens on the port.</summary>
    protected override INotificationSender CreateSenderThatCannotHandOver() => SenderOn(_unusedPort);

    protected override string UnreachableDestination => $"127.0.0.1:{_unusedPort}";

    protected override async Task<IReadOnlyList<byte[]>> ArrivedAsync(int count) =>
        [.. (await _sink.WaitForMessagesAsync(count)).Select(m => m.Raw)];

    protected override Task<IReadOnlyList<byte[]>> ArrivedSoFarAsync() =>
        Task.FromResult<IReadOnlyList<byte[]>>([.. _sink.Received.Select(m => m.Raw)]);

    private SmtpNotificationSender SenderOn(int port) => new(
        new SmtpNotificationOptions
        {
            Host = "127.0.0.1", Port = port, UseStartTls = true, Username = User, Password = Password, Timeout = TimeSpan.FromSeconds(15),
        },
        From,
        TimeProvider.System,
        new PinnedServerCertificates(_sink.Certificate).Check);

    public override async Task DisposeAsync() => await _sink.DisposeAsync();
}
