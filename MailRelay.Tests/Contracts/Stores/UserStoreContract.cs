using MailRelay.Core.Common;
using MailRelay.Core.Users;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IUserStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract partial class UserStoreContract : StoreContract
{
    [Fact]
    public async Task UpsertUser_SecondSignIn_UpdatesProfileAndRolesButKeepsCreatedAt()
    {
        await Stores.Users.UpsertUserAsync("sub-1", "old@example.com", "Old Name", [RoleNames.Admin], T0, default);
        var updated = await Stores.Users.UpsertUserAsync("sub-1", "new@example.com", "New Name", [], T0.AddDays(1), default);

        updated.Email.ShouldBe("new@example.com");
        updated.DisplayName.ShouldBe("New Name");
        updated.Roles.ShouldBeEmpty();
        updated.IsAdmin.ShouldBeFalse();
        updated.CreatedAt.ShouldBe(T0);
        updated.LastSignInAt.ShouldBe(T0.AddDays(1));
    }

    [Fact]
    public async Task FindUser_Unknown_IsNull() =>
        (await Stores.Users.FindUserAsync("nobody", default)).ShouldBeNull();

    [Fact]
    public async Task ListUsers_Paged_ReturnsPageAndTotalOrderedByEmail()
    {
        foreach (var name in new[] { "carol", "alice", "bob" })
            await Stores.Users.UpsertUserAsync(name, $"{name}@example.com", name, [], T0, default);

        var page = await Stores.Users.ListUsersAsync(new PageRequest(1, 1), default);

        page.Total.ShouldBe(3);
        page.Items.Select(u => u.Id).ShouldBe(["bob"]);
    }

    [Fact]
    public async Task UpsertUser_New_ReturnsEveryFieldWithRolesOnce()
    {
        var user = await Stores.Users.UpsertUserAsync("sub-1", "alice@example.com", "Alice", [RoleNames.Admin, RoleNames.Admin], T0, default);

        (user.Id, user.Email, user.DisplayName, user.CreatedAt, user.LastSignInAt).ShouldBe(("sub-1", "alice@example.com", "Alice", T0, T0));
        user.Roles.ShouldBe([RoleNames.Admin]);
        (await Stores.Users.FindUserAsync("sub-1", default)).ShouldBeEquivalentTo(user);
    }

    [Fact]
    public async Task EnsureUser_Existing_LeavesItUntouched()
    {
        await Stores.Users.UpsertUserAsync("alice", "alice@example.com", "Alice", [RoleNames.Admin], T0, default);

        await Stores.Users.EnsureUserAsync("alice", "other@example.com", "Other", [], T0.AddDays(1), default);

        var found = (await Stores.Users.FindUserAsync("alice", default)).ShouldNotBeNull();
        (found.Email, found.DisplayName, found.IsAdmin, found.LastSignInAt).ShouldBe(("alice@example.com", "Alice", true, T0));
    }

    [Fact]
    public async Task EnsureUser_Missing_CreatesItWithRoles()
    {
        await Stores.Users.EnsureUserAsync("admin", "admin@example.com", "Admin", [RoleNames.Admin], T0, default);

        var found = (await Stores.Users.FindUserAsync("admin", default)).ShouldNotBeNull();
        (found.IsAdmin, found.CreatedAt).ShouldBe((true, T0));
    }

    [Fact]
    public async Task ListUsers_EveryPage_CoversEachUserOnceInEmailOrder()
    {
        var names = new[] { "gina", "carol", "alice", "fred", "bob", "erin", "dave" };
        foreach (var name in names) await Stores.Users.UpsertUserAsync("id-" + name, $"{name}@example.com", name, [], T0, default);

        var seen = new List<string>();
        for (var skip = 0; skip < 9; skip += 3)
        {
            var page = await Stores.Users.ListUsersAsync(new PageRequest(skip, 3), default);
            page.Total.ShouldBe(7);
            (page.Skip, page.Take).ShouldBe((skip, 3));
            seen.AddRange(page.Items.Select(u => u.DisplayName));
        }

        seen.ShouldBe(names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListUsers_PastTheEnd_IsEmptyWithTheTotal()
    {
        await Stores.Users.UpsertUserAsync("alice", "alice@example.com", "Alice", [], T0, default);

        var page = await Stores.Users.ListUsersAsync(new PageRequest(5, 10), default);

        (page.Items.Count, page.Total).ShouldBe((0, 1));
    }
}
