using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// SMTP users: PK SMTP#id, SK SMTP; GSI1 SMTPUSERS / createdAt#id. The IAM user name is unique
/// through a guard item PK IAMUSER#name naming its record. Claims read the whole index (SMTP users
/// are tens, not millions); lists read it from a cursor (see docs/dynamodb.md).
/// </summary>
public sealed class DynamoDbSmtpUserStore(DynamoDbTable table) : ISmtpUserStore
{
    private const string SmtpIndex = "SMTPUSERS";
    private static readonly Dictionary<string, string> StatusName = new() { ["#s"] = "Status" };

    public async Task<bool> CreateSmtpUserAsync(SmtpUser user, CancellationToken cancellationToken)
    {
        if (!await ClaimIamNameAsync(user.IamUserName, user.Id, cancellationToken)) return false;
        if (await table.PutNewAsync(SmtpItem(user), cancellationToken)) return true;
        // The id is taken: give the name back unless the existing record uses it.
        if ((await FindSmtpUserAsync(user.Id, cancellationToken))?.IamUserName != user.IamUserName)
            await ReleaseIamNameAsync(user.IamUserName, user.Id, cancellationToken);
        return false;
    }

    public async Task<SmtpUser?> FindSmtpUserAsync(string id, CancellationToken cancellationToken) =>
        await table.GetAsync("SMTP#" + id, "SMTP", cancellationToken) is { } item ? ReadSmtpUser(item) : null;

    /// <summary>
    /// GSI1 SMTPUSERS newest first from the cursor's createdAt#id (a key condition), until take + 1 match (skip + take + 1
    /// without a cursor). Unfiltered, the total is a keys-only count of the index; filtered it is unknown (-1) until the last page.
    /// </summary>
    public async Task<Page<SmtpUser>> ListSmtpUsersAsync(SmtpUserQuery query, CancellationToken cancellationToken)
    {
        var position = SmtpUserCursor.Position(query);
        var (skip, take) = (position is null ? query.Skip : 0, query.Take);
        var search = query.Search?.Trim();
        var filtered = query.Status is not null || !string.IsNullOrEmpty(search);
        var found = new List<SmtpUser>();
        var skipped = 0;
        var after = position is { } p ? $"{Time(p.CreatedAt)}#{p.Id}" : null;
        await foreach (var item in table.ReadAsync(IndexAfter(SmtpIndex, after, skip + take + 1, newestFirst: true), cancellationToken))
        {
            var user = ReadSmtpUser(item);
            if (!Matches(user, query.Status, search) || skipped++ < skip) continue;
            found.Add(user);
            if (found.Count > take) break;
        }
        var next = found.Count > take ? SmtpUserCursor.After(query, found[take - 1]) : null;
        if (next is not null) found.RemoveAt(take);
        var total = !filtered ? await table.CountAsync(Index(SmtpIndex), cancellationToken)
            : next is null ? query.Skip + found.Count : Paging.UnknownTotal;
        return new Page<SmtpUser>(found, query.Skip, take, total, next);
    }

    private static bool Matches(SmtpUser u, SmtpUserStatus? status, string? search) =>
        (status is null || u.Status == status)
        && (string.IsNullOrEmpty(search)
            || u.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
            || u.OwnerUserId.Contains(search, StringComparison.OrdinalIgnoreCase)
            || u.AllowedFrom.Any(a => a.Contains(search, StringComparison.OrdinalIgnoreCase)));

    public async Task<bool> UpdateSmtpUserAsync(SmtpUser user, SmtpUserStatus expectedStatus, CancellationToken cancellationToken)
    {
        var before = await FindSmtpUserAsync(user.Id, cancellationToken);
        if (before is null || before.Status != expectedStatus) return false;
        var renamed = before.IamUserName != user.IamUserName;
        if (renamed && !await ClaimIamNameAsync(user.IamUserName, user.Id, cancellationToken)) return false;
        var written = await table.PutIfAsync(SmtpItem(user), "attribute_exists(PK) AND #s = :expected", cancellationToken,
            new() { [":expected"] = S(expectedStatus.ToString()) }, StatusName);
        if (renamed) await ReleaseIamNameAsync(written ? before.IamUserName : user.IamUserName, user.Id, cancellationToken);
        return written;
    }

    public async Task<IReadOnlyList<SmtpUser>> ClaimDueSmtpUsersAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var due = (await table.QueryAsync(Index(SmtpIndex), cancellationToken)).Select(ReadSmtpUser)
            .Where(u => u.Status is SmtpUserStatus.Pending or SmtpUserStatus.Provisioning or SmtpUserStatus.Deleting)
            .Where(u => (u.NextAttemptAt is null || u.NextAttemptAt <= now) && (u.LeaseUntil is null || u.LeaseUntil < now))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id, StringComparer.Ordinal);
        var claimed = new List<SmtpUser>();
        foreach (var candidate in due)
        {
            if (claimed.Count >= max) break;
            try
            {
                // The index may be a moment behind: the condition re-checks on the item itself.
                var response = await table.UpdateAsync(new UpdateItemRequest
                {
                    TableName = table.Name,
                    Key = Key("SMTP#" + candidate.Id, "SMTP"),
                    UpdateExpression = "SET LeaseOwner = :owner, LeaseUntil = :until",
                    ConditionExpression = "#s = :status AND (attribute_not_exists(NextAttemptAt) OR NextAttemptAt <= :now) " +
                                          "AND (attribute_not_exists(LeaseUntil) OR LeaseUntil < :now)",
                    ExpressionAttributeNames = StatusName,
                    ExpressionAttributeValues = new()
                    {
                        [":owner"] = S(owner), [":until"] = T(leaseUntil), [":now"] = T(now), [":status"] = S(candidate.Status.ToString()),
                    },
                    ReturnValues = Amazon.DynamoDBv2.ReturnValue.ALL_NEW,
                }, cancellationToken);
                claimed.Add(ReadSmtpUser(response.Attributes));
            }
            catch (ConditionalCheckFailedException)
            {
                // Someone else took it or changed it first.
            }
        }
        return claimed;
    }

    public async Task<bool> DeleteSmtpUserAsync(string id, SmtpUserStatus expectedStatus, CancellationToken cancellationToken)
    {
        var old = await table.DeleteIfAsync("SMTP#" + id, "SMTP", "#s = :expected", cancellationToken,
            new() { [":expected"] = S(expectedStatus.ToString()) }, StatusName);
        if (old is null) return false;
        await ReleaseIamNameAsync(old.Str("IamUserName"), id, cancellationToken);
        return true;
    }

    private Task<bool> ClaimIamNameAsync(string iamUserName, string id, CancellationToken cancellationToken) =>
        table.PutIfAsync(NewItem("IAMUSER#" + iamUserName, "IAMUSER").Also("SmtpUserId", S(id)),
            "attribute_not_exists(PK) OR SmtpUserId = :id", cancellationToken, new() { [":id"] = S(id) });

    private Task ReleaseIamNameAsync(string iamUserName, string id, CancellationToken cancellationToken) =>
        table.DeleteIfAsync("IAMUSER#" + iamUserName, "IAMUSER", "SmtpUserId = :id", cancellationToken, new() { [":id"] = S(id) });

    private static Item SmtpItem(SmtpUser u) => NewItem("SMTP#" + u.Id, "SMTP")
        .Also("Id", S(u.Id)).Also("Name", S(u.Name)).Also("OwnerUserId", S(u.OwnerUserId))
        .Also("AllowedFrom", S(JsonSerializer.Serialize(u.AllowedFrom))).Also("Status", S(u.Status.ToString()))
        .Also("IamUserName", S(u.IamUserName)).With("AccessKeyId", u.AccessKeyId).With("ProtectedPassword", u.ProtectedPassword)
        .Also("Attempts", N(u.Attempts)).With("NextAttemptAt", u.NextAttemptAt).With("LastError", Clip(u.LastError))
        .Also("ErrorHistory", S(JsonSerializer.Serialize(u.ErrorHistory.Select(e => e with { Message = Clip(e.Message)! }))))
        .Also("CreatedAt", T(u.CreatedAt)).With("LastRotatedAt", u.LastRotatedAt)
        .With("LeaseOwner", u.LeaseOwner).With("LeaseUntil", u.LeaseUntil)
        .Also("GSI1PK", S(SmtpIndex)).Also("GSI1SK", S($"{Time(u.CreatedAt)}#{u.Id}"));

    private static SmtpUser ReadSmtpUser(Item i) => new(
        i.Str("Id"), i.Str("Name"), i.Str("OwnerUserId"), JsonSerializer.Deserialize<List<string>>(i.Str("AllowedFrom")) ?? [],
        i.Enum<SmtpUserStatus>("Status"), i.Str("IamUserName"), i.OptStr("AccessKeyId"), i.OptStr("ProtectedPassword"),
        i.Int("Attempts"), i.OptTime("NextAttemptAt"), i.OptStr("LastError"),
        JsonSerializer.Deserialize<List<SmtpUserError>>(i.Str("ErrorHistory")) ?? [],
        i.Time("CreatedAt"), i.OptTime("LastRotatedAt"), i.OptStr("LeaseOwner"), i.OptTime("LeaseUntil"));
}
