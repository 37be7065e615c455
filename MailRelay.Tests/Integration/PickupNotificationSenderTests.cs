using System.Text;
using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Inbound;
using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MailRelay.Tests.Integration;

public sealed class PickupNotificationSenderTests : BunitContext
{
    private const string From = "MailRelay <mailrelay@example.com>";
    private readonly TempDirectory _data = new();

    public PickupNotificationSenderTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<MailRelay.Web.Components.Shared.ViewerTimeZone>();
        Services.AddSingleton<MailRelay.Core.Notifications.IOutbox>(new OutboxFolder(OutboxPath));
        Services.AddSingleton<MailRelay.Core.Notifications.OutboxView>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new NotificationOptions { From = From }));
    }

    private string OutboxPath => Path.Combine(_data.Path, "outbox");

    [Fact]
    public async Task SendAsync_ComposedNotice_WritesOneEmlWithBothPartsFromAndTo()
    {
        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(NoticeKind.HavingTrouble, "Zoë Ünal", "Google answered 503", attempts: 2), default);

        await new PickupNotificationSender(OutboxPath, From, TimeProvider.System).SendAsync(email, default);

        var file = Directory.GetFiles(OutboxPath, "*.eml").ShouldHaveSingleItem();
        var raw = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
        raw.ShouldContain("multipart/alternative");
        var read = (await new OutboxFolder(OutboxPath).ReadAsync(Path.GetFileName(file), default)).ShouldNotBeNull();
        read.Entry.Summary.From.ShouldNotBeNull().ShouldContain("<mailrelay@example.com>");
        read.Entry.Summary.To.ShouldBe("alice@example.com");
        read.Entry.Summary.Subject.ShouldBe(email.Subject);
        read.Entry.Summary.Date.ShouldNotBeNull().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        read.Entry.Summary.Problem.ShouldBeNull();
        read.TextBody.ShouldBe(email.TextBody.TrimEnd('\n'));
        read.HtmlBody.ShouldBe(email.HtmlBody);
        read.TextBody.ShouldNotBeNull().ShouldContain("Hello Zoë Ünal,");
    }

    [Fact]
    public async Task SendAsync_RecipientNotAnAddress_FailsAndWritesNothing()
    {
        var sender = new PickupNotificationSender(OutboxPath, From, TimeProvider.System);

        var failure = await Should.ThrowAsync<NotificationSendException>(() => sender.SendAsync(new EmailMessage("alice at example", "Hi", "<p>Hi</p>", "Hi"), default));

        failure.Message.ShouldContain("'alice at example' is not an email address");
        (Directory.Exists(OutboxPath) ? Directory.GetFiles(OutboxPath) : []).ShouldBeEmpty();
    }

    [Fact]
    public async Task Outbox_AfterASend_ListsTheEmailAndShowsItsHeadersAndParts()
    {
        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(NoticeKind.PleaseReconnect, reason: "Token has been expired or revoked."), default);
        await new PickupNotificationSender(OutboxPath, From, TimeProvider.System).SendAsync(email, default);

        var page = Render<Outbox>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=outbox-subject]").Select(s => s.TextContent).ShouldBe([email.Subject]), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=outbox-to]").TextContent.ShouldBe("alice@example.com");
        page.FindAll("[data-testid=empty-state]").ShouldBeEmpty();
        page.Find($"button[aria-label='Show the email {email.Subject}']").Click();

        var shown = page.WaitForElement("[data-testid=outbox-email]");
        shown.QuerySelector("[data-testid=outbox-headers]")!.TextContent.ShouldContain("mailrelay@example.com");
        var frame = shown.QuerySelector("iframe[data-testid=outbox-html]").ShouldNotBeNull();
        frame.GetAttribute("sandbox").ShouldBe("");
        frame.GetAttribute("srcdoc").ShouldBe(email.HtmlBody);
        shown.QuerySelector("[data-testid=outbox-html-source]")!.TextContent.ShouldBe(email.HtmlBody);
        shown.QuerySelector("[data-testid=outbox-text]")!.TextContent.ShouldBe(email.TextBody.TrimEnd('\n'));
    }

    [Fact]
    public async Task UserNotices_InTheAppHost_WritesTheEmailToTheOutboxAndAuditsIt()
    {
        await using var app = new MailRelayFactory();
        app.Settings["Notifications:PublicBaseUrl"] = "https://mail.example.com";
        _ = app.Server; // builds and starts the host, so the store exists
        var notices = app.Services.GetRequiredService<UserNotices>();

        await notices.SendAsync(TestNotices.Of(NoticeKind.ExpiresTomorrow) with { ReconnectUrl = notices.ReconnectUrl }, default);

        var outbox = app.Services.GetRequiredService<OutboxFolder>();
        outbox.Location.ShouldBe(Path.Combine(app.DataDirectory, "outbox"));
        var entry = (await outbox.ListAsync(0, 25, default)).Items.ShouldHaveSingleItem();
        var email = (await outbox.ReadAsync(entry.FileName, default)).ShouldNotBeNull();
        email.TextBody.ShouldNotBeNull().ShouldContain("https://mail.example.com/my/gmail");
        var audit = await app.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 10), default);
        audit.Items.ShouldContain(a => a.Action == AuditActions.NoticeSent && a.Target == "alice@example.com" && a.Detail == "ExpiresTomorrow");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _data.Dispose();
        base.Dispose(disposing);
    }
}
