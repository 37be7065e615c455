using MailRelay.Core.Domain;
using MailRelay.Core.Ports;

namespace MailRelay.Tests.Contracts;

/// <summary>What every <see cref="IRelayStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class RelayStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    protected IRelayStore Store { get; private set; } = null!;

    protected abstract Task<IRelayStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Initialize_CalledAgain_KeepsData()
    {
        await Store.UpsertUserAsync("u1", "u1@example.com", "U One", [], T0, default);
        await Store.InitializeAsync(default);
        (await Store.FindUserAsync("u1", default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task IsReachable_AfterInitialize_IsTrue() =>
        (await Store.IsReachableAsync(default)).ShouldBeTrue();

    [Fact]
    public async Task UpsertUser_SecondSignIn_UpdatesProfileAndRolesButKeepsCreatedAt()
    {
        await Store.UpsertUserAsync("sub-1", "old@example.com", "Old Name", [RoleNames.Admin], T0, default);
        var updated = await Store.UpsertUserAsync("sub-1", "new@example.com", "New Name", [], T0.AddDays(1), default);

        updated.Email.ShouldBe("new@example.com");
        updated.DisplayName.ShouldBe("New Name");
        updated.Roles.ShouldBeEmpty();
        updated.IsAdmin.ShouldBeFalse();
        updated.CreatedAt.ShouldBe(T0);
        updated.LastSignInAt.ShouldBe(T0.AddDays(1));
    }

    [Fact]
    public async Task FindUser_Unknown_IsNull() =>
        (await Store.FindUserAsync("nobody", default)).ShouldBeNull();

    [Fact]
    public async Task ListUsers_Paged_ReturnsPageAndTotalOrderedByEmail()
    {
        foreach (var name in new[] { "carol", "alice", "bob" })
            await Store.UpsertUserAsync(name, $"{name}@example.com", name, [], T0, default);

        var page = await Store.ListUsersAsync(1, 1, default);

        page.Total.ShouldBe(3);
        page.Items.Select(u => u.Id).ShouldBe(["bob"]);
    }

    [Fact]
    public async Task AppendAudit_ThenList_NewestFirstWithAllFields()
    {
        await Store.AppendAuditAsync(new NewAuditEntry("alice", "user.sign-in", "alice"), T0, default);
        await Store.AppendAuditAsync(new NewAuditEntry("admin", "route.create", "*@example.com", "to alice", "trace-1"), T0.AddMinutes(1), default);

        var page = await Store.ListAuditAsync(0, 10, default);

        page.Total.ShouldBe(2);
        page.Items.Select(e => e.Action).ShouldBe(["route.create", "user.sign-in"]);
        var newest = page.Items[0];
        (newest.ActorId, newest.Target, newest.Detail, newest.CorrelationId, newest.At).ShouldBe(("admin", "*@example.com", "to alice", "trace-1", T0.AddMinutes(1)));
        page.Items[0].Sequence.ShouldBeGreaterThan(page.Items[1].Sequence);
    }

    [Fact]
    public async Task DeleteGmailConnection_RemovesItOnce()
    {
        await Store.EnsureUserAsync("alice", "alice@example.com", "Alice", [], T0, default);
        await Store.SaveGmailConnectionAsync(new GmailConnection("alice", "alice@gmail.example", "protected", "gmail.insert", T0, null,
            GmailConnectionStatus.Connected, 0, null, null), default);

        (await Store.DeleteGmailConnectionAsync("alice", default)).ShouldBeTrue();
        (await Store.DeleteGmailConnectionAsync("alice", default)).ShouldBeFalse();
        (await Store.FindGmailConnectionAsync("alice", default)).ShouldBeNull();
    }

    [Fact]
    public async Task GmailRenewals_AddThenList_NewestFirstPerUserWithAllFieldsAndLimit()
    {
        foreach (var user in new[] { "alice", "bob" }) await Store.EnsureUserAsync(user, $"{user}@example.com", user, [], T0, default);
        var first = await Store.AddGmailRenewalAsync(new GmailRenewal(0, "alice", T0, "alice@gmail.example", "gmail.insert", T0.AddDays(7), 3), default);
        await Store.AddGmailRenewalAsync(new GmailRenewal(0, "alice", T0.AddDays(6), "alice@gmail.example", "gmail.insert openid", null, 0), default);
        await Store.AddGmailRenewalAsync(new GmailRenewal(0, "bob", T0.AddDays(1), "bob@gmail.example", "gmail.insert", null, 0), default);

        var renewals = await Store.ListGmailRenewalsAsync("alice", 10, default);

        first.Id.ShouldBeGreaterThan(0);
        renewals.Select(r => r.At).ShouldBe([T0.AddDays(6), T0]);
        renewals[1].ShouldBe(first);
        (await Store.ListGmailRenewalsAsync("alice", 1, default)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task GmailConsentRequest_TakenOnceOnly_AndExpiredOnesAreForgottenOnSave()
    {
        await Store.EnsureUserAsync("alice", "alice@example.com", "Alice", [], T0, default);
        var request = new GmailConsentRequest("hash-1", "alice", "protected-verifier", "https://relay.example/api/token/callback", T0, T0.AddMinutes(10));
        await Store.SaveGmailConsentRequestAsync(request, T0, default);
        await Store.SaveGmailConsentRequestAsync(request with { StateHash = "hash-old", ExpiresAt = T0.AddMinutes(-1) }, T0.AddMinutes(-11), default);
        await Store.SaveGmailConsentRequestAsync(request with { StateHash = "hash-2" }, T0.AddMinutes(5), default);

        (await Store.TakeGmailConsentRequestAsync("hash-1", default)).ShouldBe(request);
        (await Store.TakeGmailConsentRequestAsync("hash-1", default)).ShouldBeNull();
        (await Store.TakeGmailConsentRequestAsync("hash-old", default)).ShouldBeNull();
        (await Store.TakeGmailConsentRequestAsync("hash-2", default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task SummarizeUserQueue_CountsOneUsersDeliveries_OptionallyUpToATime()
    {
        await AddDeliveryAsync("alice", DeliveryStatus.Queued, T0);
        await AddDeliveryAsync("alice", DeliveryStatus.Failed, T0.AddHours(1));
        await AddDeliveryAsync("alice", DeliveryStatus.Pending, T0.AddHours(2));
        await AddDeliveryAsync("bob", DeliveryStatus.Queued, T0.AddHours(-5));

        var all = await Store.SummarizeUserQueueAsync("alice", null, default);
        var early = await Store.SummarizeUserQueueAsync("alice", T0.AddHours(1), default);
        var nobody = await Store.SummarizeUserQueueAsync("carol", null, default);

        (all.Queued, all.Failed, all.Pending, all.OldestWaitingSince).ShouldBe((1, 1, 1, (DateTimeOffset?)T0));
        (early.Queued, early.Failed, early.Pending).ShouldBe((1, 1, 0));
        (nobody.Queued, nobody.Pending, nobody.Delivered, nobody.OldestWaitingSince).ShouldBe((0, 0, 0, (DateTimeOffset?)null));
    }

    private async Task AddDeliveryAsync(string userId, DeliveryStatus status, DateTimeOffset at)
    {
        var id = $"m-{Guid.NewGuid():N}";
        await Store.AddMessageAsync(new StoredMessage(id, 0, "test", at, id, [$"{userId}@example.com"], Verdicts.Unknown, new MessageSummary(null, null, null, null, null, 1, null), false),
            [new NewDelivery($"{userId}@example.com", userId, DeliveryTarget.Gmail, status, false, null)], at, default);
    }
}
