using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MailRelay.Core.Inbound;
using MailRelay.Core.Notifications;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

public sealed class EmailComposerTests
{
    private static readonly string Url = TestNotices.ReconnectUrl.AbsoluteUri;

    public static TheoryData<NoticeKind, string> Subjects => new()
    {
        { NoticeKind.ExpiresTomorrow, "Your Gmail connection for alice.example@gmail.com expires tomorrow" },
        { NoticeKind.HavingTrouble, "MailRelay is having trouble reaching alice.example@gmail.com" },
        { NoticeKind.ConnectionLost, "Gmail connection lost: mail for alice.example@gmail.com is waiting" },
        { NoticeKind.PleaseReconnect, "Please reconnect your Gmail account alice.example@gmail.com" },
    };

    public static TheoryData<NoticeKind> Kinds => new(Enum.GetValues<NoticeKind>());

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task ComposeAsync_EachKind_HasItsSubjectAndRecipient(NoticeKind kind, string subject)
    {
        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(kind, attempts: 2), default);

        email.Subject.ShouldBe(subject);
        email.To.ShouldBe("alice@example.com");
        Html(email).Title.ShouldBe(subject);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ComposeAsync_EachKind_LinksTheReconnectPageAsButtonAndAsPlainUrl(NoticeKind kind)
    {
        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(kind, attempts: 3), default);

        var links = Html(email).QuerySelectorAll("a[href]").Where(a => a.GetAttribute("href") == Url).ToList();
        links.Count.ShouldBe(2);
        links.Count(a => a.GetAttribute("data-role") == "button").ShouldBe(1);
        links.ShouldContain(a => a.TextContent.Trim() == Url, "the address itself, for clients that break the button");
        email.TextBody.ShouldContain(Url);
        email.TextBody.ShouldStartWith("Hello Alice Example,");
        Html(email).Body!.TextContent.ShouldContain("What to do:");
        email.TextBody.ShouldContain("What to do:");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ComposeAsync_MarkupInUserValues_IsEncodedNotRendered(NoticeKind kind)
    {
        const string name = "<script>alert('name')</script>";
        const string reason = "<img src=x onerror=alert(1)> & <b>bold</b>";
        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(kind, name, reason, DateTimeOffset.UtcNow.AddDays(1), 2), default);

        email.HtmlBody.ShouldNotContain("<script>");
        email.HtmlBody.ShouldNotContain("<img");
        email.HtmlBody.ShouldNotContain("<b>");
        email.HtmlBody.ShouldContain("&lt;script&gt;");
        var document = Html(email);
        document.QuerySelectorAll("script, img, b").ShouldBeEmpty();
        document.Body!.TextContent.ShouldContain($"Hello {name},");
        email.TextBody.ShouldContain($"Hello {name},");
    }

    [Fact]
    public async Task ComposeAsync_ExpiresTomorrow_SaysWhenInUtc()
    {
        var expiresAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(1));

        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(NoticeKind.ExpiresTomorrow, expiresAt: expiresAt), default);

        const string when = "Tuesday 24 November 2026, 08:30 UTC";
        Html(email).Body!.TextContent.ShouldContain(when);
        email.TextBody.ShouldContain(when);
    }

    [Theory]
    [InlineData(NoticeKind.HavingTrouble, "2 attempts in a row failed", "What went wrong: Google answered 503")]
    [InlineData(NoticeKind.ConnectionLost, "tried 3 times in a row", "What went wrong: Google answered 503")]
    [InlineData(NoticeKind.PleaseReconnect, "delivery has stopped", "Google's reason: Google answered 503")]
    public async Task ComposeAsync_FailureKinds_ShowAttemptsAndReason(NoticeKind kind, string attempts, string reason)
    {
        var count = kind == NoticeKind.HavingTrouble ? 2 : 3;

        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(kind, reason: "Google answered 503", attempts: count), default);

        var text = Html(email).Body!.TextContent;
        text.ShouldContain(attempts);
        text.ShouldContain(reason);
        email.TextBody.ShouldContain(attempts);
        email.TextBody.ShouldContain(reason);
    }

    [Theory]
    [InlineData(NoticeKind.HavingTrouble)]
    [InlineData(NoticeKind.ConnectionLost)]
    [InlineData(NoticeKind.PleaseReconnect)]
    public async Task ComposeAsync_NoReason_LeavesTheReasonOut(NoticeKind kind)
    {
        var email = await TestNotices.Composer().ComposeAsync(TestNotices.Of(kind, reason: null, attempts: 2), default);

        email.HtmlBody.ShouldNotContain("reason:", Case.Insensitive);
        email.HtmlBody.ShouldNotContain("What went wrong");
        email.TextBody.ShouldNotContain("What went wrong");
    }

    [Fact]
    public async Task ComposeAsync_GmailAddressWithLineBreak_SubjectStaysOnOneLine()
    {
        var notice = TestNotices.Of(NoticeKind.PleaseReconnect) with { GmailAddress = "alice@gmail.com\r\nBcc: mallory@example.com" };

        var email = await TestNotices.Composer().ComposeAsync(notice, default);

        email.Subject.ShouldNotContain("\n");
        email.Subject.ShouldNotContain("\r");
    }

    private static IDocument Html(EmailMessage email) => new HtmlParser().ParseDocument(email.HtmlBody);
}
