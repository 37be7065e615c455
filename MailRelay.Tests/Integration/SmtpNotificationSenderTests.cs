using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Headers;
using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailRelay.Tests.Integration;

/// <summary>The SES SMTP path (MailKit) against a real SMTP server process: STARTTLS, AUTH, and the message as it arrives.</summary>
public sealed class SmtpNotificationSenderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string User = "AKIAMAILRELAYTEST";
    private const string Password = "BM7s/correct-horse-battery-staple";
    private const string From = "MailRelay <mailrelay@example.com>";
    private SmtpSinkProcess _sink = null!;

    public async Task InitializeAsync() => _sink = await SmtpSinkProcess.StartAsync(User, Password, CancellationToken.None);

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task SendAsync_StartTlsAndCredentials_ServerReceivesBothPartsFromTheRightSender()
    {
        var email = Email("Your Gmail connection expires tomorrow", "Hello Zoë,\n.a line that starts with a dot\nReconnect: https://mail.example.com/my/gmail\n");

        await Sender(Password, Pinned()).SendAsync(email, default);

        var received = (await _sink.WaitForMessagesAsync(1)).ShouldHaveSingleItem();
        received.From.ShouldBe("mailrelay@example.com");
        received.To.ShouldBe(["alice@example.com"]);
        received.Tls.ShouldBeTrue("the message went over the STARTTLS-upgraded connection");
        received.User.ShouldBe(User);
        var summary = await MessageHeaderReader.ReadSummaryAsync(new MemoryStream(received.Raw), received.Size, default);
        summary.From.ShouldNotBeNull().ShouldContain("<mailrelay@example.com>");
        summary.To.ShouldBe("alice@example.com");
        summary.Subject.ShouldBe(email.Subject);
        summary.Date.ShouldBe(Now);
        summary.Problem.ShouldBeNull();
        received.RawText.ShouldContain("multipart/alternative");
        using var parsed = received.ParseMime();
        parsed.TextBody.ShouldNotBeNull().ReplaceLineEndings("\n").ShouldBe(email.TextBody);
        parsed.HtmlBody.ShouldBe(email.HtmlBody);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_FailsWithTheServersReplyAndNothingIsSent()
    {
        const string wrong = "not-the-password-4711";

        var failure = await Should.ThrowAsync<NotificationSendException>(() => Sender(wrong, Pinned()).SendAsync(Email("first", "refused"), default));

        output.WriteLine(failure.Message);
        failure.Message.ShouldContain($"127.0.0.1:{_sink.Port}");
        failure.Message.ShouldContain("refused authentication (535 Invalid username or password)", customMessage: failure.Message);
        failure.Message.ShouldContain("Notifications:Smtp:Password", customMessage: failure.Message);
        failure.InnerException.ShouldBeOfType<MailKit.Security.AuthenticationException>();
        failure.ToString().ShouldNotContain(wrong);
        // The sink prints messages in the order it accepts them: if the first had gone through, it would come first.
        await Sender(Password, Pinned()).SendAsync(Email("second", "accepted"), default);
        var received = (await _sink.WaitForMessagesAsync(1)).ShouldHaveSingleItem(_sink.Transcript());
        using var parsed = received.ParseMime();
        parsed.TextBody.ShouldBe("accepted");
    }

    [Fact]
    public async Task SendAsync_ServerCertificateNotTrusted_RefusesBeforeSendingCredentials()
    {
        // No pin: the system's trust store, which does not know the sink's self-signed certificate.
        var failure = await Should.ThrowAsync<NotificationSendException>(() => Sender(Password).SendAsync(Email("untrusted", "refused"), default));

        output.WriteLine(failure.Message);
        failure.Message.ShouldContain("certificate", Case.Insensitive, failure.Message);
        failure.InnerException.ShouldBeOfType<MailKit.Security.SslHandshakeException>();
        // Another client with the pin trusts it, while the first one's check is unchanged: nothing is process-wide.
        await Sender(Password, Pinned()).SendAsync(Email("trusted", "accepted"), default);
        await Should.ThrowAsync<NotificationSendException>(() => Sender(Password).SendAsync(Email("untrusted again", "refused"), default));
        var received = (await _sink.WaitForMessagesAsync(1)).ShouldHaveSingleItem(_sink.Transcript());
        using var parsed = received.ParseMime();
        parsed.TextBody.ShouldBe("accepted");
    }

    [Fact]
    public async Task SendAsync_ServerNeverAnswers_FailsAfterTheTimeout()
    {
        // A listener that accepts the connection and never says a word: no greeting, no TLS.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var options = Settings(Password);
        options.Port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        options.Timeout = TimeSpan.FromSeconds(1);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<NotificationSendException>(() => new SmtpNotificationSender(options, From, TimeProvider.System).SendAsync(Email("silence", "nobody"), default));

        output.WriteLine(failure.Message);
        failure.Message.ShouldContain($"did not take the email within {options.Timeout}");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SendAsync_CallerCancels_StopsWithTheCallersCancellation()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var options = Settings(Password);
        options.Port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => new SmtpNotificationSender(options, From, TimeProvider.System).SendAsync(Email("cancelled", "nobody"), cancel.Token));
    }

    [Fact]
    public async Task SendAsync_NoServerListening_FailsNamingTheServer()
    {
        var port = FreePort.Next();
        var options = Settings(Password);
        options.Port = port;

        var failure = await Should.ThrowAsync<NotificationSendException>(() => new SmtpNotificationSender(options, From, TimeProvider.System).SendAsync(Email("nobody", "there"), default));

        output.WriteLine(failure.Message);
        failure.Message.ShouldContain($"127.0.0.1:{port}");
    }

    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    private SmtpNotificationSender Sender(string password, PinnedServerCertificates? pins = null) =>
        new(Settings(password), From, new FakeTimeProvider(Now), pins is null ? null : pins.Check);

    private PinnedServerCertificates Pinned() => new(_sink.Certificate);

    private SmtpNotificationOptions Settings(string password) => new()
    {
        Host = "127.0.0.1",
        Port = _sink.Port,
        UseStartTls = true,
        Username = User,
        Password = password,
        Timeout = TimeSpan.FromSeconds(15),
    };

    private static EmailMessage Email(string subject, string text) =>
        new("alice@example.com", subject, $"<!DOCTYPE html><html><body><p>{subject}</p></body></html>", text);
}
