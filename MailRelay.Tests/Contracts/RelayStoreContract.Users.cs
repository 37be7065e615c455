using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    [Fact]
    public async Task UpsertUser_New_ReturnsEveryFieldWithRolesOnce()
    {
        var user = await Store.UpsertUserAsync("sub-1", "alice@example.com", "Alice", [RoleNames.Admin, RoleNames.Admin], T0, default);

        (user.Id, user.Email, user.DisplayName, user.CreatedAt, user.LastSignInAt).ShouldBe(("sub-1", "alice@example.com", "Alice", T0, T0));
        user.Roles.ShouldBe([RoleNames.Admin]);
        (await Store.FindUserAsync("sub-1", default)).ShouldBeEquivalentTo(user);
    }

    [Fact]
    public async Task EnsureUser_Existing_LeavesItUntouched()
    {
        await Store.UpsertUserAsync("alice", "alice@example.com", "Alice", [RoleNames.Admin], T0, default);

        await Store.EnsureUserAsync("alice", "other@example.com", "Other", [], T0.AddDays(1), default);

        var found = (await Store.FindUserAsync("alice", default)).ShouldNotBeNull();
        (found.Email, found.DisplayName, found.IsAdmin, found.LastSignInAt).ShouldBe(("alice@example.com", "Alice", true, T0));
    }

    [Fact]
    public async Task EnsureUser_Missing_CreatesItWithRoles()
    {
        await Store.EnsureUserAsync("admin", "admin@example.com", "Admin", [RoleNames.Admin], T0, default);

        var found = (await Store.FindUserAsync("admin", default)).ShouldNotBeNull();
        (found.IsAdmin, found.CreatedAt).ShouldBe((true, T0));
    }

    [Fact]
    public async Task ListUsers_EveryPage_CoversEachUserOnceInEmailOrder()
    {
        var names = new[] { "gina", "carol", "alice", "fred", "bob", "erin", "dave" };
        foreach (var name in names) await Store.UpsertUserAsync("id-" + name, $"{name}@example.com", name, [], T0, default);

        var seen = new List<string>();
        for (var skip = 0; skip < 9; skip += 3)
        {
            var page = await Store.ListUsersAsync(skip, 3, default);
            page.Total.ShouldBe(7);
            (page.Skip, page.Take).ShouldBe((skip, 3));
            seen.AddRange(page.Items.Select(u => u.DisplayName));
        }

        seen.ShouldBe(names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListUsers_PastTheEnd_IsEmptyWithTheTotal()
    {
        await Store.UpsertUserAsync("alice", "alice@example.com", "Alice", [], T0, default);

        var page = await Store.ListUsersAsync(5, 10, default);

        (page.Items.Count, page.Total).ShouldBe((0, 1));
    }
}
