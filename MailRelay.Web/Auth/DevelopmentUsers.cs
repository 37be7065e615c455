using MailRelay.Core.Users;

namespace MailRelay.Web.Auth;

/// <summary>The seeded people of the development sign-in page.</summary>
public static class DevelopmentUsers
{
    public sealed record Seed(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

    public static readonly IReadOnlyList<Seed> All =
    [
        new("admin", "admin@localhost", "Admin", [RoleNames.Admin]),
        new("alice", "alice@localhost", "Alice", []),
        new("bob", "bob@localhost", "Bob", []),
    ];

    public static Seed? Find(string? id) => All.FirstOrDefault(u => u.Id == id);
}
