using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// Gmail connections (PK USER#id, SK GMAIL; GSI1 GMAILEXPIRY / expiresAt#user only while an expiry
/// is known), renewals (SK RENEWAL#at#id) and consent requests (PK CONSENT#hash; GSI1 CONSENT / expiresAt#hash).
/// </summary>
public sealed class DynamoDbGmailConnectionStore(DynamoDbTable table) : IGmailConnectionStore
{
    private const string ExpiryIndex = "GMAILEXPIRY";
    private const string ConsentIndex = "CONSENT";

    public async Task<GmailConnection?> FindGmailConnectionAsync(string userId, CancellationToken cancellationToken) =>
        await table.GetAsync("USER#" + userId, "GMAIL", cancellationToken) is { } item ? ReadConnection(item) : null;

    public async Task SaveGmailConnectionAsync(GmailConnection c, CancellationToken cancellationToken)
    {
        // An update, not a put: the "expires tomorrow" claim (ExpiryAlertFor) belongs to the record, not the token.
        var update = new DynamoDbUpdate()
            .Set("UserId", S(c.UserId)).Set("GmailAddress", S(c.GmailAddress)).Set("ProtectedRefreshToken", S(c.ProtectedRefreshToken))
            .Set("Scopes", S(c.Scopes)).Set("IssuedAt", T(c.IssuedAt)).SetOrRemove("ExpiresAt", c.ExpiresAt)
            .Set("Status", S(c.Status.ToString())).Set("FailureCount", N(c.FailureCount))
            .SetOrRemove("LastError", Clip(c.LastError)).SetOrRemove("LastErrorAt", c.LastErrorAt)
            .SetOrRemove("GSI1PK", c.ExpiresAt is null ? null : ExpiryIndex)
            .SetOrRemove("GSI1SK", c.ExpiresAt is { } e ? $"{Time(e)}#{c.UserId}" : null);
        await table.UpdateAsync(update.ToRequest(table.Name, Key("USER#" + c.UserId, "GMAIL")), cancellationToken);
    }

    public async Task UpdateGmailConnectionStatusAsync(string userId, GmailConnectionStatus status, int failureCount, string? lastError, DateTimeOffset? lastErrorAt, CancellationToken cancellationToken)
    {
        var update = new DynamoDbUpdate()
            .Set("Status", S(status.ToString())).Set("FailureCount", N(failureCount))
            .SetOrRemove("LastError", Clip(lastError)).SetOrRemove("LastErrorAt", lastErrorAt)
            .When("attribute_exists(PK)");
        try
        {
            await table.UpdateAsync(update.ToRequest(table.Name, Key("USER#" + userId, "GMAIL")), cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // No connection (disconnected meanwhile): nothing to record, as in the SQL UPDATE … WHERE.
        }
    }

    public async Task<bool> DeleteGmailConnectionAsync(string userId, CancellationToken cancellationToken) =>
        await table.DeleteIfAsync("USER#" + userId, "GMAIL", null, cancellationToken) is not null;

    public async Task<GmailRenewal> AddGmailRenewalAsync(GmailRenewal renewal, CancellationToken cancellationToken)
    {
        var id = await table.NextNumberAsync("renewal", cancellationToken);
        var item = NewItem("USER#" + renewal.UserId, $"RENEWAL#{Time(renewal.At)}#{Padded(id)}")
            .Also("Id", N(id)).Also("UserId", S(renewal.UserId)).Also("At", T(renewal.At)).Also("GmailAddress", S(renewal.GmailAddress))
            .Also("Scopes", S(renewal.Scopes)).With("ExpiresAt", renewal.ExpiresAt).Also("WaitingAtRenewal", N(renewal.WaitingAtRenewal));
        await table.PutNewAsync(item, cancellationToken);
        return renewal with { Id = id };
    }

    public async Task<IReadOnlyList<GmailRenewal>> ListGmailRenewalsAsync(string userId, int max, CancellationToken cancellationToken)
    {
        var request = Partition("USER#" + userId, "RENEWAL#", newestFirst: true);
        request.Limit = max;
        var items = await table.QueryAsync(request, cancellationToken, max);
        return items.Select(i => new GmailRenewal(i.Num("Id"), i.Str("UserId"), i.Time("At"), i.Str("GmailAddress"), i.Str("Scopes"),
            i.OptTime("ExpiresAt"), i.Int("WaitingAtRenewal"))).ToList();
    }

    public async Task SaveGmailConsentRequestAsync(GmailConsentRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = Index(ConsentIndex);
        expired.KeyConditionExpression = "GSI1PK = :pk AND GSI1SK < :now";
        expired.ExpressionAttributeValues[":now"] = S(Time(now));
        foreach (var old in await table.QueryAsync(expired, cancellationToken))
            await table.DeleteIfAsync(old.Str("PK"), old.Str("SK"), null, cancellationToken);
        var item = NewItem("CONSENT#" + request.StateHash, "CONSENT")
            .Also("StateHash", S(request.StateHash)).Also("UserId", S(request.UserId))
            .Also("ProtectedCodeVerifier", S(request.ProtectedCodeVerifier)).Also("RedirectUri", S(request.RedirectUri))
            .Also("CreatedAt", T(request.CreatedAt)).Also("ExpiresAt", T(request.ExpiresAt))
            .Also("GSI1PK", S(ConsentIndex)).Also("GSI1SK", S($"{Time(request.ExpiresAt)}#{request.StateHash}"));
        // The key is a hash of a fresh random state: an existing item can only be this request's own retry.
        await table.PutNewAsync(item, cancellationToken);
    }

    public async Task<GmailConsentRequest?> TakeGmailConsentRequestAsync(string stateHash, CancellationToken cancellationToken)
    {
        // DeleteItem returning the old item: of two callbacks racing with the same state, only one gets it.
        if (await table.DeleteIfAsync("CONSENT#" + stateHash, "CONSENT", null, cancellationToken) is not { } i) return null;
        return new GmailConsentRequest(i.Str("StateHash"), i.Str("UserId"), i.Str("ProtectedCodeVerifier"), i.Str("RedirectUri"),
            i.Time("CreatedAt"), i.Time("ExpiresAt"));
    }

    private static GmailConnection ReadConnection(Item i) => new(
        i.Str("UserId"), i.Str("GmailAddress"), i.Str("ProtectedRefreshToken"), i.Str("Scopes"), i.Time("IssuedAt"), i.OptTime("ExpiresAt"),
        i.Enum<GmailConnectionStatus>("Status"), i.Int("FailureCount"), i.OptStr("LastError"), i.OptTime("LastErrorAt"));

    /// <summary>One Query of GSI1 GMAILEXPIRY for keys before the cutoff, soonest first; status is filtered in memory.</summary>
    public async Task<IReadOnlyList<ExpiringConnection>> ListConnectionsExpiringBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var request = Index(ExpiryIndex);
        request.KeyConditionExpression = "GSI1PK = :pk AND GSI1SK < :before";
        request.ExpressionAttributeValues[":before"] = S(Time(before));
        var items = await table.QueryAsync(request, cancellationToken);
        return items.Select(i => new ExpiringConnection(ReadConnection(i), i.OptStr("ExpiryAlertFor") == i.Str("IssuedAt")))
            .Where(e => e.Connection.IsUsable)
            .ToList();
    }

    public async Task<bool> ClaimExpiryAlertAsync(string userId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateAsync(new UpdateItemRequest
            {
                TableName = table.Name,
                Key = Key("USER#" + userId, "GMAIL"),
                UpdateExpression = "SET ExpiryAlertFor = :issued",
                ConditionExpression = "IssuedAt = :issued AND (attribute_not_exists(ExpiryAlertFor) OR ExpiryAlertFor <> :issued)",
                ExpressionAttributeValues = new() { [":issued"] = T(issuedAt) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
