using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Routing;
using MailRelay.Core.Storage;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Connecting, renewing and disconnecting Gmail over HTTP, as the browser does it: the app in
/// memory (Gmail delivery, development sign-in) and the fake Google on a real port, with the
/// consent page, code exchange and revocation in between.
/// </summary>
public sealed class GmailConnectTests : IAsyncLifetime
{
    private const string AliceGmail = "alice@gmail.example";
    private const string Callback = "http://localhost/api/token/callback";

    private readonly MailRelayFactory _factory = new();
    private FakeGoogle _google = null!;
    private HttpClient _alice = null!;

    private StorePorts Store => StorePorts.From(_factory.Services);

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        foreach (var (key, value) in _google.CreateSettings()) _factory.Settings[key] = value;
        _factory.Settings["MailboxDelivery:Provider"] = "Gmail";
        // Everything reaches the captured log, Verbose (Trace) included, so a secret cannot hide in a quiet category.
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Verbose";
        _factory.Settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose";
        _factory.Settings["Forwarding:IntakeInterval"] = "00:00:00.200";
        _factory.Settings["Forwarding:ForwardInterval"] = "00:00:00.500";
        _alice = _factory.CreateBrowserLikeClient();
        await _alice.SignInAsync("alice");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _google.DisposeAsync();
    }

    [Fact]
    public async Task Connect_FullFlowOverHttp_StoresTheTokenEncryptedAndShowsConnected()
    {
        var (result, consent) = await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve(AliceGmail));

        result.ShouldBe("/my/gmail?gmail=connected");
        consent["access_type"].ShouldBe("offline");
        consent["prompt"].ShouldBe("consent");
        consent["response_type"].ShouldBe("code");
        consent["code_challenge_method"].ShouldBe("S256");
        consent["code_challenge"].Length.ShouldBe(43);
        consent["scope"].Split(' ').ShouldBe(["https://www.googleapis.com/auth/gmail.insert", "openid", "email"], ignoreOrder: true);
        consent["redirect_uri"].ShouldBe(Callback);
        consent["client_id"].ShouldBe(FakeGoogle.ClientId);
        consent.ContainsKey("login_hint").ShouldBeFalse("a first connection has no account to suggest");

        var refreshToken = _google.RefreshTokensOf(AliceGmail).ShouldHaveSingleItem();
        var connection = (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldNotBeNull();
        connection.GmailAddress.ShouldBe(AliceGmail);
        connection.Status.ShouldBe(GmailConnectionStatus.Connected);
        connection.ProtectedRefreshToken.ShouldNotContain(refreshToken);
        (await _factory.Services.GetRequiredService<ISecretProtector>().UnprotectAsync(connection.ProtectedRefreshToken, "alice", default)).ShouldBe(refreshToken);
        connection.Scopes.ShouldContain("https://www.googleapis.com/auth/gmail.insert");
        connection.ExpiresAt.ShouldNotBeNull();
        (connection.ExpiresAt!.Value - connection.IssuedAt).ShouldBe(TimeSpan.FromDays(7), TimeSpan.FromSeconds(5), "Google:RefreshTokenLifetime's default");

        var status = await StatusAsync(_alice);
        status.GetProperty("state").GetString().ShouldBe("Connected");
        status.GetProperty("gmailAddress").GetString().ShouldBe(AliceGmail);
        status.GetProperty("renewals").GetArrayLength().ShouldBe(1);
        (await PageTextAsync(_alice, result)).ShouldContain(GmailWords.Sentence(GmailConnectOutcome.Connected, AliceGmail));
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 20), default)).Items.ShouldContain(a => a.Action == AuditActions.GmailConnect && a.ActorId == "alice");
    }

    [Fact]
    public async Task Renew_SameAccount_ReplacesTheTokenSuggestsTheAccountAndKeepsHistory()
    {
        await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve(AliceGmail));
        var first = (await Store.Gmail.FindGmailConnectionAsync("alice", default))!;

        var (result, consent) = await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve());

        result.ShouldBe("/my/gmail?gmail=renewed");
        consent["login_hint"].ShouldBe(AliceGmail, "a renewal asks Google for the connected account first");
        var renewed = (await Store.Gmail.FindGmailConnectionAsync("alice", default))!;
        renewed.ProtectedRefreshToken.ShouldNotBe(first.ProtectedRefreshToken);
        (await _factory.Services.GetRequiredService<ISecretProtector>().UnprotectAsync(renewed.ProtectedRefreshToken, "alice", default))
            .ShouldBe(_google.RefreshTokensOf(AliceGmail).Last());
        (await Store.Gmail.ListGmailRenewalsAsync("alice", 10, default)).Count.ShouldBe(2);
        (await PageTextAsync(_alice, result)).ShouldContain(GmailWords.Sentence(GmailConnectOutcome.Renewed, AliceGmail));
    }

    [Fact]
    public async Task Callback_ReplayedState_IsRefusedAndChangesNothing()
    {
        var consentUrl = await RenewAsync(_alice);
        _google.ConsentAnswers(FakeConsent.Approve(AliceGmail));
        var callback = await FollowConsentAsync(consentUrl);
        (await CallBackAsync(_alice, callback)).ShouldBe("/my/gmail?gmail=connected");
        var stored = (await Store.Gmail.FindGmailConnectionAsync("alice", default))!;

        var replay = await CallBackAsync(_alice, callback);

        replay.ShouldBe("/my/gmail?gmail=state-expired");
        (await Store.Gmail.FindGmailConnectionAsync("alice", default))!.ProtectedRefreshToken.ShouldBe(stored.ProtectedRefreshToken);
        (await Store.Gmail.ListGmailRenewalsAsync("alice", 10, default)).Count.ShouldBe(1);
        (await PageTextAsync(_alice, replay)).ShouldContain(GmailWords.Sentence(GmailConnectOutcome.StateExpired, null));
    }

    [Fact]
    public async Task Callback_WithAnotherUsersState_IsRefusedAndNothingIsStoredForEither()
    {
        var bob = _factory.CreateBrowserLikeClient();
        await bob.SignInAsync("bob");
        var aliceConsent = await RenewAsync(_alice);
        _google.ConsentAnswers(FakeConsent.Approve(AliceGmail));
        var aliceCallback = await FollowConsentAsync(aliceConsent);

        var asBob = await CallBackAsync(bob, aliceCallback);

        asBob.ShouldBe("/my/gmail?gmail=state-foreign");
        (await PageTextAsync(bob, asBob)).ShouldContain(GmailWords.Sentence(GmailConnectOutcome.StateForeign, null));
        (await Store.Gmail.FindGmailConnectionAsync("bob", default)).ShouldBeNull();
        (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
        _google.RefreshTokensOf(AliceGmail).ShouldBeEmpty("the code was never exchanged");
        // The state was spent by the refused attempt: the leaked link is worthless to Alice too.
        (await CallBackAsync(_alice, aliceCallback)).ShouldBe("/my/gmail?gmail=state-expired");
        (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 20), default)).Items.ShouldContain(a => a.Action == AuditActions.GmailConnectRefused && a.ActorId == "bob");
    }

    [Fact]
    public async Task Callback_UnknownOrMissingState_IsRefused()
    {
        (await CallBackAsync(_alice, $"{Callback}?code=4/forged&state=made-up")).ShouldBe("/my/gmail?gmail=state-expired");
        (await CallBackAsync(_alice, $"{Callback}?code=4/forged")).ShouldBe("/my/gmail?gmail=state-expired");
        (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
    }

    public static TheoryData<string, GmailConnectOutcome> Refusals => new()
    {
        { "deny", GmailConnectOutcome.AccessDenied },
        { "no-refresh-token", GmailConnectOutcome.NoRefreshToken },
        { "scope-missing", GmailConnectOutcome.ScopeMissing },
        { "id-token-for-another-client", GmailConnectOutcome.GoogleFailed },
        { "forged-id-token", GmailConnectOutcome.GoogleFailed },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Connect_GoogleRefusesOrGrantsTooLittle_EndsWithItsSentenceAndStoresNothing(string script, GmailConnectOutcome expected)
    {
        var answer = script switch
        {
            "deny" => FakeConsent.Deny(),
            "no-refresh-token" => FakeConsent.WithoutRefreshToken(AliceGmail),
            "id-token-for-another-client" => FakeConsent.WithIdTokenFor("someone-elses-client.apps.googleusercontent.com", AliceGmail),
            "forged-id-token" => FakeConsent.WithForgedIdToken(AliceGmail),
            _ => FakeConsent.WithScopes(["openid", "email"], AliceGmail),
        };

        var (result, _) = await ConnectThroughGoogleAsync(_alice, answer);

        result.ShouldBe($"/my/gmail?gmail={GmailWords.Code(expected)}");
        (await PageTextAsync(_alice, result)).ShouldContain(GmailWords.Sentence(expected, null));
        (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
        (await Store.Gmail.ListGmailRenewalsAsync("alice", 10, default)).ShouldBeEmpty();
        if (expected == GmailConnectOutcome.GoogleFailed)
            _factory.Logs.Entries.ShouldContain(e => e.Message.StartsWith("A consent's id_token was refused", StringComparison.Ordinal), "refused for its id_token");
    }

    [Fact]
    public async Task Renew_WithADifferentGoogleAccount_IsRefusedAndTheOldConnectionIsKept()
    {
        await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve(AliceGmail));
        var kept = (await Store.Gmail.FindGmailConnectionAsync("alice", default))!;

        var (result, _) = await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve("someone.else@gmail.example"));

        result.ShouldBe("/my/gmail?gmail=different-account");
        (await PageTextAsync(_alice, result)).ShouldContain(GmailWords.Sentence(GmailConnectOutcome.DifferentAccount, AliceGmail));
        var now = (await Store.Gmail.FindGmailConnectionAsync("alice", default))!;
        now.GmailAddress.ShouldBe(AliceGmail);
        now.ProtectedRefreshToken.ShouldBe(kept.ProtectedRefreshToken);
        (await Store.Gmail.ListGmailRenewalsAsync("alice", 10, default)).Count.ShouldBe(1);
        _google.IsRevoked(_google.RefreshTokensOf("someone.else@gmail.example").Single()).ShouldBeTrue("the unused grant of the other account is given back");
        _google.IsRevoked(_google.RefreshTokensOf(AliceGmail).Single()).ShouldBeFalse();
    }

    [Fact]
    public async Task Disconnect_RevokesAtGoogleDeletesTheTokenAndQueuedMailStaysQueued()
    {
        await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve(AliceGmail));
        var refreshToken = _google.RefreshTokensOf(AliceGmail).Single();
        var queued = await SeedQueuedAsync("alice");

        using var response = await _alice.DeleteAsync("/api/token");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"revokedAtGoogle\":true");
        _google.Revocations.ShouldBe([refreshToken]);
        _google.IsRevoked(refreshToken).ShouldBeTrue();
        (await Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
        await Task.Delay(700); // a forwarding run or two
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(queued, default)).Single().Status.ShouldBe(DeliveryStatus.Queued);
        (await StatusAsync(_alice)).GetProperty("state").GetString().ShouldBe("NotConnected");
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 20), default)).Items.ShouldContain(a => a.Action == AuditActions.GmailDisconnect && a.ActorId == "alice");
        (await Store.Gmail.ListGmailRenewalsAsync("alice", 10, default)).Count.ShouldBe(1, "the history outlives the connection");

        using var again = await _alice.DeleteAsync("/api/token");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Connect_ThenDeliver_TheRefreshTokenIsNeverInTheDatabaseFilesOrTheLogs()
    {
        await Store.Users.EnsureUserAsync("alice", "alice@localhost", "Alice", [], DateTimeOffset.UtcNow, default);
        await _factory.Services.GetRequiredService<MailRelay.Core.Routing.RouteAdmin>()
            .SaveAsync("admin", 0, "alice@example.com", [new RouteAction(RouteActionKind.Gmail, "alice")], false, default);
        await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve(AliceGmail));
        // A delivery makes the adapter decrypt the token and refresh it at Google: that path must not leak it either.
        await MessageFiles.DropAsync(_factory.DataDirectory, "hello.eml", MessageFiles.Raw("alice@example.com", "Hello Gmail"), ["alice@example.com"]);
        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(AliceGmail).Count == 1), "the message is in Alice's Gmail");
        var refreshToken = _google.RefreshTokensOf(AliceGmail).ShouldHaveSingleItem();

        var files = Directory.GetFiles(_factory.DataDirectory, "mailrelay.db*");
        files.ShouldContain(f => f.EndsWith("mailrelay.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Contains(bytes, Encoding.UTF8.GetBytes(refreshToken)).ShouldBeFalse($"{Path.GetFileName(file)} holds the refresh token in clear");
        }
        // The capture receives events as Serilog renders them: string values in quotes.
        _factory.Logs.Entries.ShouldContain(e => e.Message.Contains("Gmail consent of user \"alice\" ended Connected"), "the log capture works");
        _factory.Logs.AllText.ShouldNotContain(refreshToken);
        _factory.Logs.AllText.ShouldNotContain("1//fake-refresh-");
    }

    [Fact]
    public async Task Renew_WhenGmailIsNotConfigured_AnswersProblemDetails()
    {
        await using var local = new MailRelayFactory();
        var client = local.CreateBrowserLikeClient();
        await client.SignInAsync("alice");

        using var response = await client.PostAsync("/api/token/renew", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetFromJsonAsync<JsonElement>("/api/token/status")).GetProperty("state").GetString().ShouldBe("NotConnected");
    }

    [Fact]
    public async Task ConnectForm_PostWithAntiforgery_RedirectsToGoogle_AndWithoutTokenIsRefused()
    {
        // A form on another site sends the cookie but cannot know the page's token.
        _alice.DefaultRequestHeaders.Remove(DevelopmentSignIn.TokenHeader);
        using var forged = await _alice.PostAsync("/gmail/connect", new FormUrlEncodedContent(new Dictionary<string, string>()));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var token = await DevelopmentSignIn.AntiforgeryTokenAsync(_alice, "/my/gmail");
        using var response = await _alice.PostAsync("/gmail/connect", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith(new Uri(_google.BaseUrl, FakeGoogle.ConsentPath.TrimStart('/')).ToString());
    }

    [Fact]
    public async Task Pages_WithGmailDelivery_LetFormsGoOnToGooglesConsentPageAndNowhereElse()
    {
        using var response = await _alice.GetAsync("/my/gmail");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var formAction = csp.Split("; ").Single(d => d.StartsWith("form-action ", StringComparison.Ordinal));
        formAction.ShouldBe($"form-action 'self' {_google.BaseUrl.GetLeftPart(UriPartial.Authority)}");
    }

    [Fact]
    public async Task QueueDeliver_ActsOnlyOnTheCallersMail()
    {
        var hers = await SeedQueuedAsync("alice");
        var his = await SeedQueuedAsync("bob");

        using var response = await _alice.PostAsync("/api/queue/deliver", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("madeDue").GetInt32().ShouldBe(1);
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(his, default)).Single().Status.ShouldBe(DeliveryStatus.Queued);
        // Hers was made due; with no Gmail connection the forwarding job may queue it again, but it was touched.
        (await Store.Deliveries.ListDeliveryEventsAsync((await Store.Deliveries.ListDeliveriesOfMessageAsync(hers, default)).Single().Id, default))
            .ShouldContain(e => e.Status == DeliveryStatus.Pending);
    }

    [Fact]
    public async Task TokenStatus_ShowsOnlyTheCallersConnection()
    {
        await ConnectThroughGoogleAsync(_alice, FakeConsent.Approve(AliceGmail));
        var bob = _factory.CreateBrowserLikeClient();
        await bob.SignInAsync("bob");

        var status = await bob.GetStringAsync("/api/token/status");

        status.ShouldContain("\"state\":\"NotConnected\"");
        status.ShouldNotContain(AliceGmail);
        status.ShouldNotContain("alice");
    }

    /// <summary>Renew → the fake's consent page (answering <paramref name="answer"/>) → the callback; returns where the callback sent the browser and what the app asked Google for.</summary>
    private async Task<(string Result, IReadOnlyDictionary<string, string> Consent)> ConnectThroughGoogleAsync(HttpClient client, FakeConsent answer)
    {
        var consentUrl = await RenewAsync(client);
        _google.ConsentAnswers(answer);
        var callback = await FollowConsentAsync(consentUrl);
        return (await CallBackAsync(client, callback), _google.ConsentRequests.Last());
    }

    private static async Task<string> RenewAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/token/renew", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentUrl").GetString()!;
    }

    /// <summary>The browser at Google: the consent page answers with the redirect back to MailRelay.</summary>
    private static async Task<string> FollowConsentAsync(string consentUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(consentUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith(Callback);
        return location;
    }

    private static async Task<string> CallBackAsync(HttpClient client, string callbackUrl)
    {
        using var response = await client.GetAsync(new Uri(callbackUrl).PathAndQuery);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.ToString();
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/token/status");

    /// <summary>The page as prerendered for the browser, with its HTML entities decoded.</summary>
    private static async Task<string> PageTextAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private async Task<string> SeedQueuedAsync(string userId)
    {
        var id = $"test-{Guid.NewGuid():N}";
        var summary = new MessageSummary("Sender <sender@example.net>", $"{userId}@example.com", "Waiting", DateTimeOffset.UtcNow, $"<{id}@example.net>", 100, null);
        var message = new StoredMessage(id, 0, "test", DateTimeOffset.UtcNow, $"messages/{id}", [$"{userId}@example.com"], Verdicts.Unknown, summary, false);
        await Store.Users.EnsureUserAsync(userId, $"{userId}@localhost", userId, [], DateTimeOffset.UtcNow, default);
        (await Store.Messages.AddMessageAsync(message, [new NewDelivery($"{userId}@example.com", userId, DeliveryTarget.Gmail, DeliveryStatus.Queued, false, "Gmail is not connected")],
            DateTimeOffset.UtcNow, default)).ShouldBeTrue();
        return id;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
