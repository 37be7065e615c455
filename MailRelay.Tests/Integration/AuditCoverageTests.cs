using System.Diagnostics;
using System.Text;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Notifications;
using MailRelay.Core.Queues;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Users;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The audit log covers every state-changing action: each action name in <see cref="AuditActions"/>
/// has an operation here that must append an entry with who, what, target and correlation id, and
/// every action has one. A new action without an audited operation (or the reverse) fails.
/// </summary>
public sealed class AuditCoverageTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public AuditCoverageTests()
    {
        _factory.Settings["SmtpIdentity:SendingDomains:0"] = "example.com";
        // Nothing listens there: the test email is refused at once, and a refused attempt is audited too.
        _factory.Settings["SmtpIdentity:SmtpEndpointHost"] = "127.0.0.1";
        _factory.Settings["SmtpIdentity:SmtpEndpointPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private StorePorts Store => StorePorts.From(_factory.Services);

    /// <summary>Each action and the operation that emits it, in an order where each finds what it needs; returns (who, target).</summary>
    private List<(string Action, Func<Task<(string Actor, string Target)>> Run)> Drivers()
    {
        string smtpId = "";
        string uploadedId = "";
        MailRoute? route = null;
        return
        [
            (AuditActions.SignIn, async () =>
            {
                await Get<UserSignIn>().RecordAsync("carol", "carol@example.com", "Carol", [], default);
                return ("carol", "carol");
            }),
            (AuditActions.SignOut, async () =>
            {
                var client = _factory.CreateBrowserLikeClient();
                await client.SignInAsync("alice");
                var token = await DevelopmentSignIn.AntiforgeryTokenAsync(client, "/");
                // Over HTTP the request's trace is the correlation id: the caller's traceparent makes it this test's trace.
                using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signout")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                };
                request.Headers.Add("traceparent", $"00-{Activity.Current!.TraceId}-{Activity.Current.SpanId}-01");
                using var response = await client.SendAsync(request);
                return ("alice", "alice");
            }),
            (AuditActions.GmailConnect, async () =>
            {
                await Get<GmailConnections>().ConnectAsync("carol", "carol@gmail.com", "refresh-1", "gmail.insert", null, default);
                return ("carol", "carol");
            }),
            (AuditActions.GmailRenew, async () =>
            {
                await Get<GmailConnections>().ConnectAsync("carol", "carol@gmail.com", "refresh-2", "gmail.insert", null, default);
                return ("carol", "carol");
            }),
            (AuditActions.GmailConnectRefused, async () =>
            {
                await Get<GmailConnections>().CompleteConsentAsync("carol", new GmailGrant("someone-else@gmail.com", "refresh-3", [], null), default);
                return ("carol", "carol");
            }),
            (AuditActions.GmailDisconnect, async () =>
            {
                (await Get<GmailConnections>().DisconnectAsync("carol", true, default)).ShouldBeTrue();
                return ("carol", "carol");
            }),
            (AuditActions.NoticeSent, async () =>
            {
                await Get<UserNotices>().SendAsync(new Notice(NoticeKind.PleaseReconnect, "carol@example.com", "Carol", "carol@gmail.com", null, null, 1,
                    new Uri("http://localhost/my/gmail")), default);
                return (UserNotices.Actor, "carol@example.com");
            }),
            (AuditActions.RouteCreate, async () =>
            {
                route = (await Get<RouteAdmin>().SaveAsync("admin", 0, "carol@example.com", [new RouteAction(RouteActionKind.Gmail, "carol")], false, default)).ShouldSucceed();
                return ("admin", "carol@example.com");
            }),
            (AuditActions.RouteUpdate, async () =>
            {
                route = (await Get<RouteAdmin>().SaveAsync("admin", route!.Id, "carol@example.com", [new RouteAction(RouteActionKind.Gmail, "carol")], true, default)).ShouldSucceed();
                return ("admin", "carol@example.com");
            }),
            (AuditActions.RouteDelete, async () =>
            {
                (await Get<RouteAdmin>().DeleteAsync("admin", route!.Id, default)).ShouldSucceed();
                return ("admin", "carol@example.com");
            }),
            (AuditActions.MessageUpload, async () =>
            {
                using var content = new MemoryStream(Encoding.ASCII.GetBytes("From: a@example.net\r\nTo: nobody@example.com\r\nSubject: Hello\r\n\r\nBody\r\n"));
                (_, uploadedId) = await Get<MessageUpload>().UploadAsync("admin", content, ["nobody@example.com"], default);
                return ("admin", uploadedId);
            }),
            (AuditActions.DeliveryRelease, async () =>
            {
                // No route matched, so the upload is held until an admin gives it to someone.
                var held = await HeldDeliveryAsync(uploadedId);
                (await Get<QueueAdmin>().ReleaseAsync("admin", held, "carol", default)).ShouldSucceed();
                return ("admin", $"delivery {held}");
            }),
            (AuditActions.DeliveryRetry, async () =>
            {
                var failed = await SeedFailedDeliveryAsync();
                (await Get<QueueAdmin>().RetryAsync("admin", failed, default)).ShouldSucceed();
                return ("admin", $"delivery {failed}");
            }),
            (AuditActions.MessagePurge, async () =>
            {
                (await Get<QueueAdmin>().PurgeAsync("admin", uploadedId, default)).ShouldSucceed();
                return ("admin", uploadedId);
            }),
            (AuditActions.InboxRelease, async () =>
            {
                DropStuckInboxFile("coverage-release.eml");
                (await Get<StuckInbox>().ReleaseAsync("admin", "coverage-release.eml", default)).ShouldSucceed();
                return ("admin", "coverage-release.eml");
            }),
            (AuditActions.InboxDelete, async () =>
            {
                DropStuckInboxFile("coverage-delete.eml");
                (await Get<StuckInbox>().DeleteAsync("admin", "coverage-delete.eml", default)).ShouldSucceed();
                return ("admin", "coverage-delete.eml");
            }),
            (AuditActions.QueueDeliverNow, async () =>
            {
                await Get<DeliverNow>().AskedByAsync("carol", "carol", default);
                return ("carol", "carol");
            }),
            (AuditActions.SmtpUserCreate, async () =>
            {
                smtpId = (await Get<SmtpProvisioning>().CreateAsync("admin", "Billing", "carol", ["billing@example.com"], default)).ShouldSucceed().Id;
                await ActiveAsync(smtpId);
                return ("admin", smtpId);
            }),
            (AuditActions.SmtpUserTestEmail, async () =>
            {
                (await Get<SmtpTestEmail>().SendAsync("admin", smtpId, default)).ShouldSucceed().Accepted.ShouldBeFalse();
                return ("admin", smtpId);
            }),
            (AuditActions.DomainAdd, async () =>
            {
                (await Get<MailRelay.Core.Domains.DomainAdmin>().AddAsync("admin", "Example.org", default)).ShouldSucceed();
                return ("admin", "example.org");
            }),
            (AuditActions.DomainRemove, async () =>
            {
                (await Get<MailRelay.Core.Domains.DomainAdmin>().RemoveAsync("admin", "example.org", default)).ShouldSucceed();
                return ("admin", "example.org");
            }),
            (AuditActions.SmtpUserReveal, async () =>
            {
                (await Get<SmtpCredentialsReveal>().RevealAsync("admin", smtpId, default)).ShouldSucceed();
                return ("admin", smtpId);
            }),
            (AuditActions.SmtpUserRotate, async () =>
            {
                (await Get<SmtpUserLifecycle>().RotateAsync("admin", smtpId, default)).ShouldSucceed();
                return ("admin", smtpId);
            }),
            (AuditActions.SmtpUserDisable, async () =>
            {
                (await Get<SmtpUserLifecycle>().DisableAsync("admin", smtpId, default)).ShouldSucceed();
                return ("admin", smtpId);
            }),
            (AuditActions.SmtpUserEnable, async () =>
            {
                (await Get<SmtpUserLifecycle>().EnableAsync("admin", smtpId, default)).ShouldSucceed();
                return ("admin", smtpId);
            }),
            (AuditActions.SmtpUserRetry, async () =>
            {
                var user = (await Store.SmtpUsers.FindSmtpUserAsync(smtpId, default))!;
                (await Store.SmtpUsers.UpdateSmtpUserAsync(user with { Status = SmtpUserStatus.Failed, LastError = "test" }, user.Status, default)).ShouldBeTrue();
                (await Get<SmtpUserLifecycle>().RetryAsync("admin", smtpId, default)).ShouldSucceed();
                return ("admin", smtpId);
            }),
            (AuditActions.SmtpUserDelete, async () =>
            {
                await ActiveAsync(smtpId);
                (await Get<SmtpUserLifecycle>().DeleteAsync("admin", smtpId, default)).ShouldSucceed();
                return ("admin", smtpId);
            }),
        ];
    }

    [Fact]
    public void Drivers_CoverEveryActionConstantExactlyOnce()
    {
        var driven = Drivers().Select(d => d.Action).ToList();

        driven.ShouldBeUnique();
        driven.Order(StringComparer.Ordinal).ShouldBe(AuditActions.All);
    }

    [Fact]
    public async Task EveryAction_ItsOperation_AppendsWhoWhatTargetAndCorrelationId()
    {
        _factory.CreateClient().Dispose(); // starts the host (store migrated, development users seeded)
        await Store.Users.EnsureUserAsync("carol", "carol@example.com", "Carol", [], DateTimeOffset.UtcNow, default);
        var missing = new List<string>();
        foreach (var (action, run) in Drivers())
        {
            using var activity = new Activity($"audit-coverage {action}").Start();
            var (actor, target) = await run();
            var traceId = activity.TraceId.ToString();
            var entries = await Store.Audit.ListAuditAsync(new AuditFilter(Action: action), new PageRequest(0, 50), default);
            if (!entries.Items.Any(e => e.ActorId == actor && e.Target == target && e.CorrelationId == traceId))
                missing.Add($"{action} by {actor} on {target} (trace {traceId}); found: {string.Join("; ", entries.Items.Select(e => $"{e.ActorId} {e.Target} {e.CorrelationId}"))}");
        }
        missing.ShouldBeEmpty();
    }

    /// <summary>A dropped file whose envelope sidecar is not JSON: intake leaves it for an admin.</summary>
    private void DropStuckInboxFile(string name)
    {
        var inbox = Path.Combine(_factory.DataDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, name), "From: a@example.net\r\nTo: nobody@example.com\r\nSubject: Stuck\r\n\r\nBody\r\n");
        File.WriteAllText(Path.Combine(inbox, name + ".json"), "{ not json");
    }

    private async Task<long> HeldDeliveryAsync(string messageId)
    {
        var deliveries = await Store.Deliveries.ListDeliveriesOfMessageAsync(messageId, default);
        return deliveries.Single(d => d.Status == DeliveryStatus.Held).Id;
    }

    private async Task<long> SeedFailedDeliveryAsync()
    {
        var id = $"coverage-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var summary = new MessageSummary("a@example.net", "carol@example.com", "Too big", now, $"<{id}@example.net>", 10, null);
        await Store.Messages.AddMessageAsync(new StoredMessage(id, 0, "test", now, $"messages/{id}", ["carol@example.com"], Verdicts.Unknown, summary, false),
            [new NewDelivery("carol@example.com", "carol", DeliveryTarget.Gmail, DeliveryStatus.Failed, false, "The message is too large.")], now, default);
        return (await Store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single().Id;
    }

    /// <summary>Provisions the SMTP user now (the local provisioner) and waits until it is active.</summary>
    private async Task ActiveAsync(string smtpId)
    {
        await Get<SmtpProvisioning>().ProcessDueAsync("audit-coverage", 10, default);
        await RelayHost.EventuallyAsync(async () => (await Store.SmtpUsers.FindSmtpUserAsync(smtpId, default))?.Status == SmtpUserStatus.Active, $"SMTP user {smtpId} is active");
    }
}
