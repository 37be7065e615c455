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
}
