using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>The Users page over <c>/api/admin/users</c>: the overview and "deliver now" for one user, audited with the caller, admin-only.</summary>
public sealed class AdminUserEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private StorePorts Store => StorePorts.From(_factory.Services);

    [Fact]
    public async Task DeliverNow_Admin_MakesThatUsersWaitingMailDueOnlyAndAudits()
    {
        var client = await SignedInAsync("admin");
        var hers = await SeedQueuedAsync("alice");
        var his = await SeedQueuedAsync("bob");

        var answer = await client.PostAsync("/api/admin/users/alice/queue/deliver", null).ShouldAnswerAsync(HttpStatusCode.OK);

        answer.GetProperty("madeDue").GetInt32().ShouldBe(1);
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(his, default)).Single().Status.ShouldBe(DeliveryStatus.Queued);
        (await Store.Deliveries.ListDeliveryEventsAsync((await Store.Deliveries.ListDeliveriesOfMessageAsync(hers, default)).Single().Id, default))
            .ShouldContain(e => e.Status == DeliveryStatus.Pending);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 100), default);
        audit.Items.ShouldContain(e => e.Action == AuditActions.QueueDeliverNow && e.Target == "alice" && e.ActorId == "admin");
    }

    [Fact]
    public async Task DeliverNow_UnknownUser_404ProblemDetails()
    {
        var client = await SignedInAsync("admin");

        var problem = await client.PostAsync("/api/admin/users/nobody/queue/deliver", null).ShouldAnswerAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().ShouldBe("There is no such user.");
    }

    [Fact]
    public async Task Overview_Admin_ListsUsersSearchedAndPaged()
    {
        var client = await SignedInAsync("admin");

        var all = await client.GetFromJsonAsync<JsonElement>("/api/admin/users/overview?take=500");
        var found = await client.GetFromJsonAsync<JsonElement>("/api/admin/users/overview?search=alice");

        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("user").GetProperty("id").GetString()).ShouldContain("alice");
        found.GetProperty("items").EnumerateArray().ShouldAllBe(u => u.GetProperty("user").GetProperty("id").GetString()!.Contains("alice"));
    }

    [Fact]
    public async Task UsersEndpoints_NonAdmin_Get403()
    {
        var client = await SignedInAsync("alice");
        var waiting = await SeedQueuedAsync("bob");

        (await client.GetAsync("/api/admin/users/overview")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/admin/users/bob/queue/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(waiting, default)).Single().Status.ShouldBe(DeliveryStatus.Queued);
    }

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

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }
}
