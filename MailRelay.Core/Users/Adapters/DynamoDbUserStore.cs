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

    /// <summary>Reads skip + take items of the index: the cost of a deep page grows with its position.</summary>
    public async Task<Page<AppUser>> ListUsersAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var items = await table.QueryAsync(Index(UsersIndex), cancellationToken, skip + take);
        var total = await table.CountAsync(Index(UsersIndex), cancellationToken);
        return new Page<AppUser>(items.Skip(skip).Take(take).Select(ReadUser).ToList(), skip, take, total);
    }

    private static AppUser ReadUser(Item item) => new(
        item.Str("Id"), item.Str("Email"), item.Str("DisplayName"),
        JsonSerializer.Deserialize<List<string>>(item.Str("Roles")) ?? [],
        item.Time("CreatedAt"), item.Time("LastSignInAt"));
}
