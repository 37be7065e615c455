using MailRelay.Core.Domain;
using MailRelay.Core.Ports;

namespace MailRelay.Tests.Contracts;

/// <summary>What every <see cref="IRelayStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract partial class RelayStoreContract : IAsyncLifetime
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

    private static SmtpUser NewSmtpUser(string id, string name, string owner, DateTimeOffset at, params string[] from) =>
        SmtpUser.New(id, name, owner, from, $"mr-{id}", at);

    [Fact]
    public async Task SmtpUser_CreateThenFind_RoundTripsEveryField_AndRefusesADuplicate()
    {
        var user = NewSmtpUser("s1", "Alice laptop", "alice", T0, "alice@example.com", "*@example.org") with
        {
            AccessKeyId = "AKIA0000000000000001", ProtectedPassword = "cipher", Attempts = 2, NextAttemptAt = T0.AddMinutes(4),
            LastError = "IAM Throttling", ErrorHistory = [new SmtpUserError(T0, "IAM Throttling")], LastRotatedAt = T0.AddDays(1),
            LeaseOwner = "node-a", LeaseUntil = T0.AddMinutes(2),
        };

        (await Store.CreateSmtpUserAsync(user, default)).ShouldBeTrue();
        (await Store.CreateSmtpUserAsync(user, default)).ShouldBeFalse();
        var found = (await Store.FindSmtpUserAsync("s1", default)).ShouldNotBeNull();

        found.AllowedFrom.ShouldBe(user.AllowedFrom);
        found.ErrorHistory.ShouldBe(user.ErrorHistory);
        (found with { AllowedFrom = user.AllowedFrom, ErrorHistory = user.ErrorHistory }).ShouldBe(user);
        (await Store.FindSmtpUserAsync("nope", default)).ShouldBeNull();
    }

    [Fact]
    public async Task ListSmtpUsers_SearchByNameOwnerOrAddress_FilterByStatus_NewestFirstAndPaged()
    {
        await Store.CreateSmtpUserAsync(NewSmtpUser("s1", "Laptop", "alice", T0, "alice@example.com"), default);
        await Store.CreateSmtpUserAsync(NewSmtpUser("s2", "Phone", "bob", T0.AddMinutes(1), "bob@example.com") with { Status = SmtpUserStatus.Active }, default);
        await Store.CreateSmtpUserAsync(NewSmtpUser("s3", "Printer", "carol", T0.AddMinutes(2), "*@scan.example.com"), default);

        (await Store.ListSmtpUsersAsync(new(), default)).Items.Select(u => u.Id).ShouldBe(["s3", "s2", "s1"]);
        (await Store.ListSmtpUsersAsync(new("LAPTOP"), default)).Items.Select(u => u.Id).ShouldBe(["s1"]);
        (await Store.ListSmtpUsersAsync(new("bob"), default)).Items.Select(u => u.Id).ShouldBe(["s2"]);
        (await Store.ListSmtpUsersAsync(new("scan.example"), default)).Items.Select(u => u.Id).ShouldBe(["s3"]);
        (await Store.ListSmtpUsersAsync(new(Status: SmtpUserStatus.Active), default)).Items.Select(u => u.Id).ShouldBe(["s2"]);
        var page = await Store.ListSmtpUsersAsync(new(Skip: 1, Take: 1), default);
        (page.Total, page.Items.Single().Id).ShouldBe((3, "s2"));
    }

    [Fact]
    public async Task UpdateSmtpUser_WithStaleExpectedStatus_IsRefused()
    {
        var user = NewSmtpUser("s1", "Laptop", "alice", T0);
        await Store.CreateSmtpUserAsync(user, default);

        (await Store.UpdateSmtpUserAsync(user with { Status = SmtpUserStatus.Provisioning }, SmtpUserStatus.Pending, default)).ShouldBeTrue();
        (await Store.UpdateSmtpUserAsync(user with { Status = SmtpUserStatus.Deleting }, SmtpUserStatus.Pending, default)).ShouldBeFalse();
        (await Store.FindSmtpUserAsync("s1", default))!.Status.ShouldBe(SmtpUserStatus.Provisioning);
        (await Store.UpdateSmtpUserAsync(user with { Id = "gone" }, SmtpUserStatus.Pending, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task ClaimDueSmtpUsers_TakesDueWorkOnce_SkipsLaterRetries_AndTakesOverExpiredLeases()
    {
        await Store.CreateSmtpUserAsync(NewSmtpUser("pending", "a", "alice", T0), default);
        await Store.CreateSmtpUserAsync(NewSmtpUser("later", "b", "alice", T0.AddSeconds(1)) with { NextAttemptAt = T0.AddMinutes(5) }, default);
        await Store.CreateSmtpUserAsync(NewSmtpUser("deleting", "c", "alice", T0.AddSeconds(2)) with { Status = SmtpUserStatus.Deleting }, default);
        await Store.CreateSmtpUserAsync(NewSmtpUser("active", "d", "alice", T0.AddSeconds(3)) with { Status = SmtpUserStatus.Active }, default);

        var first = await Store.ClaimDueSmtpUsersAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        var second = await Store.ClaimDueSmtpUsersAsync("node-b", T0.AddMinutes(1), T0.AddMinutes(3), 10, default);
        var afterExpiry = await Store.ClaimDueSmtpUsersAsync("node-b", T0.AddMinutes(6), T0.AddMinutes(8), 10, default);

        first.Select(u => u.Id).ShouldBe(["pending", "deleting"]);
        first.ShouldAllBe(u => u.LeaseOwner == "node-a" && u.LeaseUntil == T0.AddMinutes(2));
        second.ShouldBeEmpty();
        afterExpiry.Select(u => u.Id).ShouldBe(["pending", "later", "deleting"]);
    }

    [Fact]
    public async Task DeleteSmtpUser_OnlyFromTheExpectedStatus()
    {
        await Store.CreateSmtpUserAsync(NewSmtpUser("s1", "a", "alice", T0) with { Status = SmtpUserStatus.Deleting }, default);

        (await Store.DeleteSmtpUserAsync("s1", SmtpUserStatus.Active, default)).ShouldBeFalse();
        (await Store.DeleteSmtpUserAsync("s1", SmtpUserStatus.Deleting, default)).ShouldBeTrue();
        (await Store.FindSmtpUserAsync("s1", default)).ShouldBeNull();
    }

    private async Task AddDeliveryAsync(string userId, DeliveryStatus status, DateTimeOffset at)
    {
        var id = $"m-{Guid.NewGuid():N}";
        await Store.AddMessageAsync(new StoredMessage(id, 0, "test", at, id, [$"{userId}@example.com"], Verdicts.Unknown, new MessageSummary(null, null, null, null, null, 1, null), false),
            [new NewDelivery($"{userId}@example.com", userId, DeliveryTarget.Gmail, status, false, null)], at, default);
    }
}
