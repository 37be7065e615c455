using System.Text.Json;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Users.Adapters;

/// <summary>Users: PK USER#id, SK PROFILE; GSI1 USERS / email#id for the list ordered by email.</summary>
public sealed class DynamoDbUserStore(DynamoDbTable table) : IUserStore
{
    private const string UsersIndex = "USERS";

    public async Task<AppUser> UpsertUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        // One UpdateItem: if_not_exists keeps the first sign-in's CreatedAt; repeating it changes nothing.
        var update = new DynamoDbUpdate()
            .Set("Id", S(id)).Set("Email", S(email)).Set("DisplayName", S(displayName))
            .Set("Roles", S(JsonSerializer.Serialize(roles.Distinct(StringComparer.Ordinal).ToList())))
            .Set("LastSignInAt", T(signedInAt)).SetIfMissing("CreatedAt", T(signedInAt))
            .Set("GSI1PK", S(UsersIndex)).Set("GSI1SK", S($"{email}#{id}"));
        var response = await table.UpdateAsync(update.ToRequest(table.Name, Key("USER#" + id, "PROFILE"), returnNew: true), cancellationToken);
        return ReadUser(response.Attributes);
    }

    public async Task EnsureUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = NewItem("USER#" + id, "PROFILE")
            .Also("Id", S(id)).Also("Email", S(email)).Also("DisplayName", S(displayName))
            .Also("Roles", S(JsonSerializer.Serialize(roles.Distinct(StringComparer.Ordinal).ToList())))
            .Also("CreatedAt", T(now)).Also("LastSignInAt", T(now))
            .Also("GSI1PK", S(UsersIndex)).Also("GSI1SK", S($"{email}#{id}"));
        await table.PutNewAsync(item, cancellationToken);
    }

    public async Task<AppUser?> FindUserAsync(string id, CancellationToken cancellationToken) =>
        await table.GetAsync("USER#" + id, "PROFILE", cancellationToken) is { } item ? ReadUser(item) : null;

    /// <summary>
    /// By cursor: take + 1 items of the index after the cursor's email#id (a key condition); by skip: skip + take + 1,
    /// so a deep page by skip costs its position. The total is a keys-only count of the index (users are hundreds).
    /// </summary>
    public async Task<Page<AppUser>> ListUsersAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var position = UserCursor.Position(page);
        var (skip, take) = (position is null ? page.Skip : 0, page.Take);
        var after = position is { } p ? $"{p.Email}#{p.Id}" : null;
        var users = (await table.QueryAsync(IndexAfter(UsersIndex, after, skip + take + 1), cancellationToken, skip + take + 1)).Skip(skip).Select(ReadUser).ToList();
        var next = users.Count > take ? UserCursor.After(users[take - 1]) : null;
        if (next is not null) users.RemoveAt(take);
        var total = await table.CountAsync(Index(UsersIndex), cancellationToken);
        return new Page<AppUser>(users, page.Skip, take, total, next);
    }

    private static AppUser ReadUser(Item item) => new(
        item.Str("Id"), item.Str("Email"), item.Str("DisplayName"),
        JsonSerializer.Deserialize<List<string>>(item.Str("Roles")) ?? [],
        item.Time("CreatedAt"), item.Time("LastSignInAt"));
}
