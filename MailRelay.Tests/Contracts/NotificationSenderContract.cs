using MailRelay.Core.Inbound;
using MailRelay.Core.Notifications;
using MimeKit;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="INotificationSender"/> adapter must do: an email handed over arrives once,
/// from the configured sender to its one recipient, with its subject and both bodies intact; one
/// that cannot be handed over is a <see cref="NotificationSendException"/> and nothing arrives.
/// </summary>
public abstract class NotificationSenderContract : IAsyncLifetime
{
    protected const string FromAddress = "mailrelay@example.com";
    protected const string From = $"MailRelay <{FromAddress}>";

    protected INotificationSender Sender { get; private set; } = null!;

    protected abstract Task<INotificationSender> CreateSenderAsync();

    /// <summary>A sender of the same kind whose destination cannot take the email (no server, no folder).</summary>
    protected abstract INotificationSender CreateSenderThatCannotHandOver();

    /// <summary>How the failure names that destination (a folder path, host:port), so an admin knows where to look.</summary>
    protected abstract string UnreachableDestination { get; }

    /// <summary>The raw emails that arrived, waiting until <paramref name="count"/> are there.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ArrivedAsync(int count);

    /// <summary>The raw emails that arrived so far, without waiting.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> ArrivedSoFarAsync();

    public async Task InitializeAsync() => Sender = await CreateSenderAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static EmailMessage Email(string to, string subject, string text) =>
        new(to, subject, $"<!DOCTYPE html><html><body><p>{subject}</p></body></html>", text);

    private static MimeMessage Parse(byte[] raw) => MimeMessage.Load(new MemoryStream(raw));

    [Fact]
    public async Task Send_ArrivesOnce_FromTheSender_ToTheRecipient_WithSubjectAndBothBodies()
    {
        var email = Email("alice@example.com", "Zoë, your Gmail connection expires tomorrow", "Hello Zoë,\n.a line that starts with a dot\nReconnect: https://mail.example.com/my/gmail\n");

        await Sender.SendAsync(email, default);

        using var arrived = Parse((await ArrivedAsync(1)).ShouldHaveSingleItem());
        arrived.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(FromAddress);
        arrived.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("alice@example.com");
        arrived.Subject.ShouldBe(email.Subject);
        arrived.TextBody.ShouldNotBeNull().ReplaceLineEndings("\n").ShouldBe(email.TextBody);
        arrived.HtmlBody.ShouldBe(email.HtmlBody);
        arrived.MessageId.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Send_TwoEmails_ArriveAsTwo_EachToItsRecipient()
    {
        await Sender.SendAsync(Email("alice@example.com", "first", "one"), default);
        await Sender.SendAsync(Email("bob@example.com", "second", "two"), default);

        var arrived = (await ArrivedAsync(2)).Select(Parse).ToList();

        arrived.Select(m => (m.To.Mailboxes.Single().Address, m.Subject))
            .ShouldBe([("alice@example.com", "first"), ("bob@example.com", "second")], ignoreOrder: true);
        arrived.Select(m => m.MessageId).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Send_DestinationCannotTakeIt_IsANotificationSendException_NamingWhere()
    {
        var failure = await Should.ThrowAsync<NotificationSendException>(
            () => CreateSenderThatCannotHandOver().SendAsync(Email("alice@example.com", "lost?", "no"), default));

        failure.Message.ShouldContain(UnreachableDestination);
    }

    [Fact]
    public async Task Send_CallerAlreadyCancelled_IsCancelled_AndNothingArrives()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Sender.SendAsync(Email("alice@example.com", "cancelled", "no"), cancelled.Token));

        (await ArrivedSoFarAsync()).ShouldBeEmpty();
    }
}
