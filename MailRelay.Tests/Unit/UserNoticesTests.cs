using MailRelay.Core.Audit;
using MailRelay.Core.Inbound;
using MailRelay.Core.Notifications;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace MailRelay.Tests.Unit;

public sealed class UserNoticesTests
{
    private readonly IAuditStore _audit = Substitute.For<IAuditStore>();
    private readonly INotificationSender _sender = Substitute.For<INotificationSender>();
    private readonly CapturingLogger<UserNotices> _logger = new();
    private readonly UserNotices _notices;

    public UserNoticesTests() =>
        _notices = new UserNotices(TestNotices.Composer(), _sender, new AuditLog(_audit, TimeProvider.System),
            Microsoft.Extensions.Options.Options.Create(new NotificationOptions { PublicBaseUrl = "https://mail.example.com/relay" }), _logger);

    [Fact]
    public async Task SendAsync_Notice_SendsTheComposedEmailAndAuditsItsKind()
    {
        var notice = TestNotices.Of(NoticeKind.ConnectionLost, reason: "invalid_grant", attempts: 3);

        await _notices.SendAsync(notice, default);

        await _sender.Received(1).SendAsync(Arg.Is<EmailMessage>(m =>
            m.To == "alice@example.com" && m.Subject.StartsWith("Gmail connection lost") && m.HtmlBody.Contains(TestNotices.ReconnectUrl.AbsoluteUri)), Arg.Any<CancellationToken>());
        await _audit.Received(1).AppendAuditAsync(
            Arg.Is<NewAuditEntry>(e => e.ActorId == UserNotices.Actor && e.Action == AuditActions.NoticeSent && e.Target == "alice@example.com" && e.Detail == "ConnectionLost"),
            Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Properties["NoticeKind"].ShouldBe(NoticeKind.ConnectionLost);
        entry.Properties["Recipient"].ShouldBe("alice@example.com");
        entry.Message.ShouldNotContain("invalid_grant", customMessage: "logs name the notice, not what the email says");
        entry.Message.ShouldNotContain(TestNotices.ReconnectUrl.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_SenderFails_RethrowsLogsAndAuditsNothing()
    {
        _sender.SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>()).ThrowsAsync(new NotificationSendException("The SMTP server is down."));

        await Should.ThrowAsync<NotificationSendException>(() => _notices.SendAsync(TestNotices.Of(NoticeKind.PleaseReconnect), default));

        await _audit.DidNotReceiveWithAnyArgs().AppendAuditAsync(default!, default, default);
        _logger.Entries.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
    }

    [Fact]
    public void ReconnectUrl_BaseUrlWithAPath_KeepsThePath() =>
        _notices.ReconnectUrl.AbsoluteUri.ShouldBe("https://mail.example.com/relay/my/gmail");
}
