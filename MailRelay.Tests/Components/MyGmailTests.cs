using System.Net;
using Bunit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MailRelay.Tests.Components;

/// <summary>My Gmail over a real SQLite store: status card, history, live progress after a renewal, banners, disconnect.</summary>
public sealed class MyGmailTests : RelayComponentTest
{
    private const string AliceGmail = "alice@gmail.example";

    private readonly MailboxDeliveryOptions _delivery = new() { Provider = MailboxDeliveryOptions.Gmail };
    private readonly RevocationRecorder _revocations = new();

    public MyGmailTests()
    {
        var google = new GoogleOptions { ClientId = "client", ClientSecret = "secret", RevokeUrl = "https://google.example/revoke" };
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(google));
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_delivery));
        Services.AddSingleton<ISecretProtector>(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
        Services.AddSingleton<IHttpClientFactory>(_revocations);
        Services.AddSingleton<GmailConnections>();
        Services.AddSingleton<GmailConsentStates>();
        Services.AddSingleton<GmailStatusReader>();
        Services.AddSingleton<IGmailConsent, GoogleConsent>();
        Services.AddSingleton<GmailConnectFlow>();
        Services.AddSingleton<AntiforgeryStateProvider>(new NoAntiforgery());
    }

    private GmailConnections Connections => Services.GetRequiredService<GmailConnections>();

    [Fact]
    public async Task MyGmail_Connected_ShowsTheStatusCardHistoryRenewAndDisconnect()
    {
        SignInAs("alice");
        await Connections.ConnectAsync("alice", AliceGmail, "1//refresh-a", "https://www.googleapis.com/auth/gmail.insert openid email", DateTimeOffset.UtcNow.AddDays(7), default);

        var page = Render<MyGmail>();

        page.WaitForAssertion(() => page.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Connected"));
        page.Find("[data-testid=gmail-address]").TextContent.ShouldBe(AliceGmail);
        page.FindAll("tr.gmail-renewal").Count.ShouldBe(1);
        page.Find("[data-testid=gmail-connect]").TextContent.ShouldContain("Renew");
        page.FindAll("[data-testid=gmail-disconnect]").Count.ShouldBe(1);
        page.FindAll("[data-testid=gmail-banner]").ShouldBeEmpty();
        page.FindAll("[data-testid=gmail-progress]").ShouldBeEmpty("nothing waited at the renewal");
        page.Markup.ShouldNotContain("1//refresh-a");
    }

    [Fact]
    public async Task MyGmail_OnAPhone_TheRenewButtonComesBeforeTheStatusDetails()
    {
        // The renewal email links here; on a narrow screen the cards stack, so what comes first shows without scrolling.
        SignInAs("alice");
        await Connections.ConnectAsync("alice", AliceGmail, "1//refresh-a", "gmail.insert", DateTimeOffset.UtcNow.AddHours(12), default);

        var page = Render<MyGmail>();

        page.WaitForAssertion(() => page.Find("[data-testid=gmail-banner]").GetAttribute("data-banner").ShouldBe("expiring"));
        var markup = page.Markup;
        markup.IndexOf("data-testid=\"gmail-banner-renew\"", StringComparison.Ordinal)
            .ShouldBeLessThan(markup.IndexOf("data-testid=\"gmail-status\"", StringComparison.Ordinal));
        markup.IndexOf("data-testid=\"gmail-connect\"", StringComparison.Ordinal)
            .ShouldBeLessThan(markup.IndexOf("data-testid=\"gmail-status\"", StringComparison.Ordinal));
        page.Find("[data-testid=gmail-banner-renew] button").TextContent.ShouldContain("Renew now");
    }

    [Fact]
    public async Task MyGmail_OnlyShowsTheSignedInUsersConnection()
    {
        SignInAs("alice");
        await Connections.ConnectAsync("bob", "bob@gmail.example", "1//refresh-b", "gmail.insert", null, default);

        var page = Render<MyGmail>();

        page.WaitForAssertion(() => page.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Not connected"));
        page.Find("[data-testid=gmail-connect]").TextContent.ShouldContain("Connect Gmail");
        page.Markup.ShouldNotContain("bob@gmail.example");
        page.FindAll("tr.gmail-renewal").ShouldBeEmpty();
    }

    [Fact]
    public async Task MyGmail_AfterARenewal_ShowsLiveProgressUntilAllCaughtUp()
    {
        SignInAs("alice");
        var first = await SeedMessageAsync("Waited 1", null, ("alice", DeliveryStatus.Queued));
        var second = await SeedMessageAsync("Waited 2", null, ("alice", DeliveryStatus.Queued));
        await Connections.ConnectAsync("alice", AliceGmail, "1//refresh-a", "gmail.insert", null, default);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/my/gmail?gmail=renewed");

        var page = Render<MyGmail>();

        page.WaitForAssertion(() => page.Find("[data-testid=gmail-progress-text]").TextContent.ShouldBe("Delivering 0 of 2"));
        page.Find("[data-testid=gmail-result]").TextContent.ShouldContain("Your Gmail connection is renewed.");
        await DeliverAsync(first);
        page.WaitForAssertion(() => page.Find("[data-testid=gmail-progress-text]").TextContent.ShouldBe("Delivering 1 of 2"), TimeSpan.FromSeconds(5));
        await DeliverAsync(second);
        page.WaitForAssertion(() => page.Find("[data-testid=gmail-progress-text]").TextContent.ShouldContain("All caught up"), TimeSpan.FromSeconds(5));
        page.Find("[data-testid=gmail-progress]").GetAttribute("data-complete").ShouldBe("true");
    }

    [Fact]
    public async Task MyGmail_ConnectionLostWhileOpen_ShowsTheRedBannerWithoutReload()
    {
        SignInAs("alice");
        await Connections.ConnectAsync("alice", AliceGmail, "1//refresh-a", "gmail.insert", null, default);
        var page = Render<MyGmail>();
        page.WaitForAssertion(() => page.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Connected"));

        await Store.Gmail.UpdateGmailConnectionStatusAsync("alice", GmailConnectionStatus.Revoked, 1, "Token has been expired or revoked.", DateTimeOffset.UtcNow, default);
        Events.Publish(new RelayChange("deliveries.changed", "alice", null));

        page.WaitForAssertion(() => page.Find("[data-testid=gmail-banner]").GetAttribute("data-banner").ShouldBe("lost"), TimeSpan.FromSeconds(5));
        page.Find("[data-testid=gmail-banner-reason]").TextContent.ShouldBe("Token has been expired or revoked.");
        page.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Revoked");
    }

    [Fact]
    public async Task MyGmail_Disconnect_AsksFirstThenRevokesAndDeletes()
    {
        SignInAs("alice");
        await Connections.ConnectAsync("alice", AliceGmail, "1//refresh-a", "gmail.insert", null, default);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<MyGmail>();
        page.WaitForElement("[data-testid=gmail-disconnect]");

        page.Find("[data-testid=gmail-disconnect]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain($"Disconnect {AliceGmail}?"));
        _revocations.Tokens.ShouldBeEmpty("nothing happens before the user confirms");
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Disconnect")).Click();

        page.WaitForAssertion(() => page.Find("[data-testid=gmail-state]").TextContent.Trim().ShouldBe("Not connected"), TimeSpan.FromSeconds(5));
        _revocations.Tokens.ShouldBe(["1//refresh-a"]);
        (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
    }

    [Fact]
    public void MyGmail_GmailNotConfigured_SaysSoAndOffersNoConnect()
    {
        _delivery.Provider = MailboxDeliveryOptions.LocalMailbox;
        SignInAs("alice");

        var page = Render<MyGmail>();

        page.WaitForElement("[data-testid=gmail-not-configured]").TextContent.ShouldContain("Gmail delivery is not set up");
        page.FindAll("[data-testid=gmail-connect]").ShouldBeEmpty();
    }

    private async Task DeliverAsync(string messageId)
    {
        var delivery = (await Store.Deliveries.ListDeliveriesOfMessageAsync(messageId, default)).Single();
        (await Store.Deliveries.ChangeDeliveryStatusAsync(delivery.Id, [DeliveryStatus.Pending], DeliveryStatus.Delivered, null, "test", DateTimeOffset.UtcNow, default)).ShouldBeTrue();
        Events.Publish(new RelayChange("deliveries.changed", "alice", messageId));
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }

    /// <summary>Google's revocation endpoint: answers 200 and remembers the tokens it was given.</summary>
    private sealed class RevocationRecorder : HttpMessageHandler, IHttpClientFactory
    {
        private readonly List<string> _tokens = [];

        public IReadOnlyList<string> Tokens { get { lock (_tokens) return [.. _tokens]; } }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (_tokens) _tokens.Add(WebUtility.UrlDecode(form["token=".Length..]));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
