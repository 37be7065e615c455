using Bunit;
using MailRelay.Core.Gmail;
using MailRelay.Web.Components.Gmail;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MailRelay.Tests.Components;

/// <summary>
/// The seed-003 banners and the status card of My Gmail, rendered from status views.
/// MudBlazor's services are only disposable asynchronously, hence IAsyncLifetime.
/// </summary>
public sealed class GmailBannerTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public GmailBannerTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<ViewerTimeZone>();
        Services.AddSingleton<AntiforgeryStateProvider>(new TestAntiforgery());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Theory]
    [InlineData(GmailState.NotConnected)]
    [InlineData(GmailState.Connected)]
    public void Banner_NothingToSay_RendersNothing(GmailState state)
    {
        var banner = Render<GmailConnectionBanner>(p => p.Add(b => b.Status, View(state)));

        banner.FindAll("[data-testid=gmail-banner]").ShouldBeEmpty();
        banner.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void Banner_WhileLoading_RendersNothing() =>
        Render<GmailConnectionBanner>().Markup.Trim().ShouldBeEmpty();

    [Theory]
    [InlineData(GmailState.Expired, "Token has been expired or revoked.")]
    [InlineData(GmailState.Revoked, "Google refused the token refresh with invalid_grant")]
    [InlineData(GmailState.Disabled, "The Google token endpoint failed 3 times")]
    public void Banner_ConnectionLost_IsRedWithTheReasonAndAReconnectButton(GmailState state, string reason)
    {
        var banner = Render<GmailConnectionBanner>(p => p.Add(b => b.Status, View(state) with { LastError = reason, LastErrorAt = Now }));

        var alert = banner.Find("[data-testid=gmail-banner]");
        alert.GetAttribute("data-banner").ShouldBe("lost");
        alert.ClassList.ShouldContain("mud-alert-outlined-error");
        alert.TextContent.ShouldContain("Gmail connection lost");
        banner.Find("[data-testid=gmail-banner-reason]").TextContent.ShouldBe(reason);
        var form = banner.Find("[data-testid=gmail-banner-reconnect]");
        form.GetAttribute("method").ShouldBe("post");
        form.GetAttribute("action").ShouldBe("/gmail/connect");
        form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value").ShouldBe(TestAntiforgery.Token);
        form.TextContent.ShouldContain("Reconnect Gmail");
    }

    [Fact]
    public void Banner_ExpiredWithoutAStoredError_SaysWhenItExpired()
    {
        var banner = Render<GmailConnectionBanner>(p => p.Add(b => b.Status, View(GmailState.Expired) with { ExpiresAt = Now.AddHours(-2) }));

        banner.Find("[data-testid=gmail-banner-reason]").TextContent.ShouldBe("It expired on 2026-11-02 07:00:00 UTC.");
    }

    [Fact]
    public void Banner_Failing_IsAmberRetryingAutomaticallyWithTheAttempt()
    {
        var banner = Render<GmailConnectionBanner>(p => p.Add(b => b.Status, View(GmailState.Failing) with { FailureCount = 2, LastError = "HTTP 503", LastErrorAt = Now }));

        var alert = banner.Find("[data-testid=gmail-banner]");
        alert.GetAttribute("data-banner").ShouldBe("failing");
        alert.ClassList.ShouldContain("mud-alert-outlined-warning");
        alert.TextContent.ShouldContain("Having trouble connecting, retrying automatically");
        alert.TextContent.ShouldContain("attempt 2");
        banner.FindAll("form").ShouldBeEmpty("nothing for the user to do while it retries");
    }

    [Fact]
    public void Banner_ExpiringSoon_IsAmberExpiresTomorrowWithRenew()
    {
        var banner = Render<GmailConnectionBanner>(p => p.Add(b => b.Status, View(GmailState.ExpiringSoon) with { ExpiresAt = Now.AddHours(20) }));

        var alert = banner.Find("[data-testid=gmail-banner]");
        alert.GetAttribute("data-banner").ShouldBe("expiring");
        alert.ClassList.ShouldContain("mud-alert-outlined-warning");
        alert.TextContent.ShouldContain("Your Gmail connection expires tomorrow");
        alert.TextContent.ShouldContain("2026-11-03 05:00:00 UTC");
        banner.Find("[data-testid=gmail-banner-renew]").GetAttribute("action").ShouldBe("/gmail/connect");
    }

    [Fact]
    public void StatusCard_Connected_ShowsAddressExpiryErrorsAndQueue()
    {
        var view = View(GmailState.Failing) with
        {
            ExpiresAt = Now.AddDays(6),
            LastError = "The Google token endpoint failed with internal_failure (HTTP 500)",
            LastErrorAt = Now.AddMinutes(-5),
            FailureCount = 1,
            Queued = 4,
            Delivering = 2,
            Failed = 1,
            OldestWaitingSince = Now.AddHours(-3),
            OldestWaitingAge = TimeSpan.FromHours(3),
        };

        var card = Render<GmailStatusCard>(p => p.Add(c => c.Status, view));

        card.Find("[data-testid=gmail-status]").GetAttribute("data-state").ShouldBe("Failing");
        card.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Failing (attempt 1)");
        card.Find("[data-testid=gmail-address]").TextContent.ShouldBe("alice@gmail.example");
        card.Find("[data-testid=gmail-expires]").TextContent.ShouldBe("2026-11-08 09:00:00 UTC (in 6 days)");
        card.Find("[data-testid=gmail-last-error]").TextContent.ShouldBe("The Google token endpoint failed with internal_failure (HTTP 500) (2026-11-02 08:55:00 UTC)");
        card.Find("[data-testid=gmail-failures]").TextContent.ShouldBe("1");
        card.Find("[data-testid=gmail-queued]").TextContent.ShouldBe("4");
        card.Find("[data-testid=gmail-delivering]").TextContent.ShouldBe("2");
        card.Find("[data-testid=gmail-failed]").TextContent.ShouldBe("1");
        card.Find("[data-testid=gmail-oldest]").TextContent.ShouldBe("3 h (since 2026-11-02 06:00:00 UTC)");
    }

    [Fact]
    public void StatusCard_NotConnected_ShowsNoConnectionDetailsButTheQueue()
    {
        var card = Render<GmailStatusCard>(p => p.Add(c => c.Status, View(GmailState.NotConnected) with { GmailAddress = null, Queued = 2 }));

        card.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Not connected");
        card.FindAll("[data-testid=gmail-address]").ShouldBeEmpty();
        card.Find("[data-testid=gmail-queued]").TextContent.ShouldBe("2");
        card.Find("[data-testid=gmail-oldest]").TextContent.ShouldBe("Nothing is waiting");
    }

    [Fact]
    public void StatusCard_UnknownExpiry_SaysSo() =>
        Render<GmailStatusCard>(p => p.Add(c => c.Status, View(GmailState.Connected) with { ExpiresAt = null }))
            .Find("[data-testid=gmail-expires]").TextContent.ShouldStartWith("Unknown");

    private static GmailStatusView View(GmailState state) => new(
        state, state == GmailState.NotConnected ? null : "alice@gmail.example", "https://www.googleapis.com/auth/gmail.insert", Now.AddDays(-1), Now.AddDays(6),
        null, null, 0, 0, 0, 0, null, null, [], null, Now);

    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public const string Token = "test-antiforgery-token";

        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
    }
}
