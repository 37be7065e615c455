using System.Net;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Storage;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// User A (alice) cannot read or act on user B's (bob's) Gmail status, queue or renewals through
/// any user-facing page or endpoint. The endpoints are enumerated from the app's routing, so one
/// added later is covered; bob's own view of the same endpoints proves the markers are really there.
/// </summary>
public sealed class UserIsolationTests : IAsyncLifetime
{
    private const string BobGmail = "bob.private@gmail.example";
    private const string BobSubject = "Bob-private-subject-7f3a";
    private readonly MailRelayFactory _factory = new();
    private FakeGoogle _google = null!;

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        foreach (var (key, value) in _google.CreateSettings()) _factory.Settings[key] = value;
        _factory.Settings["MailboxDelivery:Provider"] = "Gmail";
        _factory.CreateClient().Dispose();
        await SeedBobAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _google.DisposeAsync();
    }

    [Fact]
    public async Task EveryUserFacingGet_ShowsBobHisData_AndAliceNoneOfIt()
    {
        var bob = await SignedInAsync("bob");
        var alice = await SignedInAsync("alice");
        var gets = UserFacingEndpoints().Where(e => e.Method == "GET").Select(e => e.Path).Distinct().ToList();
        gets.ShouldContain("/my/gmail");
        gets.ShouldContain("/my/queue");
        gets.ShouldContain("/api/token/status");

        var seenByBob = new List<string>();
        foreach (var path in gets)
        {
            var asBob = await BodyAsync(bob, path);
            if (asBob.Contains(BobGmail, StringComparison.Ordinal) || asBob.Contains(BobSubject, StringComparison.Ordinal)) seenByBob.Add(path);
            var asAlice = await BodyAsync(alice, path);
            asAlice.ShouldNotContain(BobGmail, Case.Sensitive, $"alice must not see bob's Gmail address on {path}");
            asAlice.ShouldNotContain(BobSubject, Case.Sensitive, $"alice must not see bob's mail on {path}");
        }
        // The markers are really there for bob on his pages, so their absence for alice means something.
        seenByBob.ShouldContain("/my/gmail");
        seenByBob.ShouldContain("/my/queue");
        seenByBob.ShouldContain("/api/token/status");
    }

    [Fact]
    public async Task EveryUserFacingAction_ByAlice_LeavesBobsConnectionQueueAndRenewalsAsTheyWere()
    {
        var before = await BobsStateAsync();
        var alice = await SignedInAsync("alice");
        var actions = UserFacingEndpoints().Where(e => e.Method != "GET").ToList();
        actions.Select(e => e.Path).ShouldContain("/api/queue/deliver");
        actions.Select(e => e.Path).ShouldContain("/api/token/renew");

        foreach (var (method, path) in actions.Select(e => (e.Method, e.Path)).Distinct())
        {
            var token = await DevelopmentSignIn.AntiforgeryTokenAsync(alice, "/my/gmail");
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["userId"] = "bob" }),
            };
            using var response = await alice.SendAsync(request);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(BobGmail, Case.Sensitive, $"{method} {path}");
        }
        await Task.Delay(500); // anything alice's requests started in the background has had its chance

        (await BobsStateAsync()).ShouldBe(before);
    }

    private async Task SeedBobAsync()
    {
        var services = _factory.Services;
        var account = _google.AddUser(BobGmail);
        await services.GetRequiredService<GmailConnections>().ConnectAsync("bob", BobGmail, account.RefreshToken, "gmail.insert", null, default);
        _google.Revoke(account.RefreshToken); // so bob's mail waits (Queued) instead of leaving
        var store = StorePorts.From(services);
        var summary = new MessageSummary("Carol <carol@example.net>", "bob@example.com", BobSubject, null, "<bob-1@example.net>", 10, null);
        var message = new StoredMessage("isolation-bob-1", 0, "test", DateTimeOffset.UtcNow, "inbound/isolation-bob-1.eml", ["bob@example.com"], Verdicts.Unknown, summary, false);
        await services.GetRequiredService<IBlobStore>().PutAsync(message.BlobKey, new MemoryStream("Subject: x\r\n\r\nhi\r\n"u8.ToArray()), default);
        await store.Messages.AddMessageAsync(message, [new NewDelivery("bob@example.com", "bob", DeliveryTarget.Gmail, DeliveryStatus.Queued, false, "Waiting for Gmail")], DateTimeOffset.UtcNow, default);
    }

    private async Task<string> BobsStateAsync()
    {
        var store = StorePorts.From(_factory.Services);
        var connection = await store.Gmail.FindGmailConnectionAsync("bob", default);
        var deliveries = await store.Deliveries.ListDeliveriesOfMessageAsync("isolation-bob-1", default);
        var renewals = await store.Gmail.ListGmailRenewalsAsync("bob", 100, default);
        // Event counts catch a change that came back to where it started (e.g. made due, then queued again).
        var events = 0;
        foreach (var delivery in deliveries) events += (await store.Deliveries.ListDeliveryEventsAsync(delivery.Id, default)).Count;
        return $"{connection?.GmailAddress}|{connection?.ProtectedRefreshToken}|{connection?.Status}|{string.Join(",", deliveries.Select(d => $"{d.UserId}:{d.Status}"))}|{events}|{renewals.Count}";
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }

    private static async Task<string> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError, path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Every routed endpoint a signed-in non-admin can reach: authorized, not admin, not sign-in/out.</summary>
    private List<(string Method, string Path)> UserFacingEndpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains('{', StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == MailRelay.Web.Auth.AuthSchemes.AdminPolicy))
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => !e.Path.StartsWith("/account/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (m, e.Path)))
            .ToList();
}
