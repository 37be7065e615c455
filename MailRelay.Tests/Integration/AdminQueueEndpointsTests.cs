using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The Queues page's actions over <c>/api/admin</c> (upload, release, retry, purge) and My queue over
/// <c>/api/queue</c>: the state changes, the audit entry names the caller, errors are ProblemDetails.
/// </summary>
public sealed class AdminQueueEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Messages_Admin_UploadListReleasePurge_ChangeTheQueueAndAudit()
    {
        var admin = await SignedInAsync("admin");

        var uploaded = await admin.PostAsync("/api/admin/messages?recipients=Nobody@Example.com", Eml("Quarterly report")).ShouldAnswerAsync(HttpStatusCode.Created);
        var messageId = uploaded.GetProperty("messageId").GetString()!;
        uploaded.GetProperty("result").GetString().ShouldBe("Accepted");
        (await admin.PostAsync("/api/admin/messages?recipients=nobody@example.com", Eml("Quarterly report")).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("result").GetString().ShouldBe("Duplicate");

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/admin/messages?status=held&take=10");
        list.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("message").GetProperty("id").GetString() == messageId);
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/messages/{messageId}");
        var held = details.GetProperty("deliveries")[0].GetProperty("delivery");
        held.GetProperty("status").GetString().ShouldBe("Held");
        var deliveryId = held.GetProperty("id").GetInt64();
        var overview = await admin.GetFromJsonAsync<JsonElement>("/api/admin/queues");
        overview.GetProperty("users").EnumerateArray().ShouldContain(u => u.GetProperty("userId").GetString() == "" && u.GetProperty("held").GetInt32() >= 1);
        overview.GetProperty("inboxWaiting").GetInt32().ShouldBe(0);

        var eventsBefore = (await Store.Deliveries.ListDeliveryEventsAsync(deliveryId, default)).Count;
        var unassigned = await admin.PostAsync($"/api/admin/deliveries/{deliveryId}/release", null).ShouldAnswerAsync(HttpStatusCode.Conflict);
        unassigned.GetProperty("detail").GetString().ShouldBe("Choose the user who should receive this message.");
        var released = await admin.PostAsJsonAsync($"/api/admin/deliveries/{deliveryId}/release", new { assignToUserId = "alice" }).ShouldAnswerAsync(HttpStatusCode.OK);
        released.GetProperty("userId").GetString().ShouldBe("alice");
        // The release's own step; forwarding (running in this host) may move the delivery on right after it.
        (await Store.Deliveries.ListDeliveryEventsAsync(deliveryId, default)).Skip(eventsBefore).First().Status.ShouldNotBe(DeliveryStatus.Held);

        await admin.DeleteAsync($"/api/admin/messages/{messageId}").ShouldAnswerAsync(HttpStatusCode.NoContent);
        (await Store.Messages.FindMessageAsync(messageId, default))!.BlobDeleted.ShouldBeTrue();
        await admin.DeleteAsync("/api/admin/messages/no-such-message").ShouldAnswerAsync(HttpStatusCode.NotFound);

        var audit = (await Audit.ListAsync(new PageRequest(0, 100), default)).Items;
        audit.ShouldContain(e => e.Action == AuditActions.MessageUpload && e.Target == messageId && e.ActorId == "admin");
        audit.ShouldContain(e => e.Action == AuditActions.DeliveryRelease && e.Target == $"delivery {deliveryId}" && e.ActorId == "admin");
        audit.ShouldContain(e => e.Action == AuditActions.MessagePurge && e.Target == messageId && e.ActorId == "admin");
    }

    [Fact]
    public async Task Deliveries_Admin_RetryAFailedOne_ThenRefusesWithProblemDetails()
    {
        var admin = await SignedInAsync("admin");
        var failed = await SeedFailedDeliveryAsync("alice");
        var eventsBefore = (await Store.Deliveries.ListDeliveryEventsAsync(failed, default)).Count;

        (await admin.PostAsync($"/api/admin/deliveries/{failed}/retry", null).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("id").GetInt64().ShouldBe(failed);
        // The retry's own step; forwarding (running in this host) may fail it again right after.
        (await Store.Deliveries.ListDeliveryEventsAsync(failed, default)).Skip(eventsBefore).First().Status.ShouldNotBe(DeliveryStatus.Failed);
        (await Audit.ListAsync(new PageRequest(0, 100), default)).Items
            .ShouldContain(e => e.Action == AuditActions.DeliveryRetry && e.Target == $"delivery {failed}" && e.ActorId == "admin");

        await admin.PostAsync("/api/admin/deliveries/999999/retry", null).ShouldAnswerAsync(HttpStatusCode.NotFound);
        await admin.PostAsync($"/api/admin/deliveries/{failed}/release", null).ShouldAnswerAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Upload_BadRecipientsOrNoBody_400ValidationProblem()
    {
        var admin = await SignedInAsync("admin");

        (await admin.PostAsync("/api/admin/messages", Eml("x")).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .ErrorOf("recipients").ShouldBe("Enter at least one envelope recipient, such as alice@example.com.");
        (await admin.PostAsync("/api/admin/messages?recipients=a@example.com", new ByteArrayContent([])).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .ErrorOf("body").ShouldBe("Send the raw message (.eml) as the request body.");
        await admin.GetAsync("/api/admin/messages?status=lost").ShouldAnswerAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Queues_NonAdmin_Gets403_AndChangesNothing()
    {
        var alice = await SignedInAsync("alice");
        var failed = await SeedFailedDeliveryAsync("alice");

        (await alice.GetAsync("/api/admin/queues")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.GetAsync("/api/admin/messages")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync("/api/admin/messages?recipients=a@example.com", Eml("x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/api/admin/deliveries/{failed}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync($"/api/admin/deliveries/{failed}/release", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.DeleteAsync("/api/admin/messages/any")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.Deliveries.FindDeliveryAsync(failed, default))!.Status.ShouldBe(DeliveryStatus.Failed);
    }

    [Fact]
    public async Task MyQueue_EachUser_SeesOnlyTheirOwnDeliveries()
    {
        var id = $"shared-{Guid.NewGuid():N}";
        await SeedMessageAsync(id, [("alice", DeliveryStatus.Failed), ("bob", DeliveryStatus.Failed)]);
        var alice = await SignedInAsync("alice");

        var page = await alice.GetFromJsonAsync<JsonElement>("/api/queue?status=failed");

        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("message").GetProperty("id").GetString() == id);
        item.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("userId").GetString()).ShouldBe(["alice"]);
        var admin = await SignedInAsync("admin");
        (await admin.GetFromJsonAsync<JsonElement>("/api/queue")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("message").GetProperty("id").GetString() == id);
    }

    private StorePorts Store => StorePorts.From(_factory.Services);

    private AuditLog Audit => _factory.Services.GetRequiredService<AuditLog>();

    private static ByteArrayContent Eml(string subject)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes($"From: a@example.net\r\nTo: nobody@example.com\r\nSubject: {subject}\r\nMessage-ID: <{subject.Replace(' ', '-')}@example.net>\r\n\r\nBody\r\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return content;
    }

    private async Task<long> SeedFailedDeliveryAsync(string userId)
    {
        var id = $"failed-{Guid.NewGuid():N}";
        await SeedMessageAsync(id, [(userId, DeliveryStatus.Failed)]);
        return (await Store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single().Id;
    }

    private async Task SeedMessageAsync(string id, IReadOnlyList<(string UserId, DeliveryStatus Status)> deliveries)
    {
        var now = DateTimeOffset.UtcNow;
        var summary = new MessageSummary("a@example.net", "team@example.com", "Too big", now, $"<{id}@example.net>", 10, null);
        await Store.Messages.AddMessageAsync(new StoredMessage(id, 0, "test", now, $"messages/{id}", ["team@example.com"], Verdicts.Unknown, summary, false),
            deliveries.Select(d => new NewDelivery($"{d.UserId}@example.com", d.UserId, DeliveryTarget.Gmail, d.Status, false, "The message is too large.")).ToList(), now, default);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }
}
