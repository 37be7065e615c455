using System.Globalization;
using Bunit;
using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MailRelay.Tests.Components;

public sealed class OutboxTests : BunitContext
{
    private readonly TempDirectory _data = new();
    private readonly NotificationOptions _options = new();

    public OutboxTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<MailRelay.Web.Components.Shared.ViewerTimeZone>();
        Services.AddSingleton<MailRelay.Core.Notifications.IOutbox>(new OutboxFolder(OutboxPath));
        Services.AddSingleton<MailRelay.Core.Notifications.OutboxView>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_options));
    }

    private string OutboxPath => Path.Combine(_data.Path, "outbox");

    [Fact]
    public void Outbox_NoPickupFolderYet_ShowsTheEmptyState()
    {
        var page = Render<Outbox>();

        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("No emails yet"));
        page.FindAll("[data-testid=outbox-grid]").ShouldBeEmpty();
        page.FindAll("[data-testid=outbox-smtp-note]").ShouldBeEmpty();
    }

    [Fact]
    public void Outbox_SmtpProvider_SaysEmailsGoToTheServerAndOnlyThePickupFolderIsListed()
    {
        _options.Provider = NotificationOptions.SmtpProvider;
        _options.Smtp.Host = "email-smtp.eu-west-1.amazonaws.com";

        var page = Render<Outbox>();

        page.Find("[data-testid=outbox-smtp-note]").TextContent.Trim()
            .ShouldBe("Emails go to the SMTP server (email-smtp.eu-west-1.amazonaws.com:587); the Outbox only lists the local pickup folder.");
    }

    [Fact]
    public void Outbox_ThirtyEmails_NewestFirstTwentyFivePerPage()
    {
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 30; i++) WriteEmail($"mail-{i:00}.eml", $"Email {i:00}", start.AddMinutes(i));

        var page = Render<Outbox>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=outbox-subject]").Count.ShouldBe(25), TimeSpan.FromSeconds(10));
        var subjects = page.FindAll("[data-testid=outbox-subject]").Select(s => s.TextContent).ToList();
        subjects[0].ShouldBe("Email 30");
        subjects[^1].ShouldBe("Email 06");
        page.WaitForAssertion(() => page.Find(".mud-table-page-number-information").TextContent.ShouldBe("1-25 of 30"));
    }

    [Theory]
    [InlineData("../secret.eml")]
    [InlineData("sub/inner.eml")]
    [InlineData("/etc/passwd")]
    [InlineData("notes.txt")]
    [InlineData("")]
    public async Task ReadAsync_NameThatIsNotAnEmlOfTheFolder_IsRefused(string name)
    {
        Directory.CreateDirectory(Path.Combine(OutboxPath, "sub"));
        await File.WriteAllTextAsync(Path.Combine(_data.Path, "secret.eml"), "Subject: outside\r\n\r\nno\r\n");
        await File.WriteAllTextAsync(Path.Combine(OutboxPath, "sub", "inner.eml"), "Subject: nested\r\n\r\nno\r\n");
        await File.WriteAllTextAsync(Path.Combine(OutboxPath, "notes.txt"), "Subject: text\r\n\r\nno\r\n");

        (await new OutboxFolder(OutboxPath).ReadAsync(name, default)).ShouldBeNull();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _data.Dispose();
        base.Dispose(disposing);
    }

    private void WriteEmail(string name, string subject, DateTime writtenAt)
    {
        Directory.CreateDirectory(OutboxPath);
        var path = Path.Combine(OutboxPath, name);
        File.WriteAllText(path,
            $"From: MailRelay <mailrelay@localhost>\r\nTo: alice@example.com\r\nSubject: {subject}\r\n" +
            $"Date: {writtenAt.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n" +
            "Content-Type: text/plain; charset=us-ascii\r\n\r\nHello.\r\n");
        File.SetLastWriteTimeUtc(path, writtenAt);
    }
}
