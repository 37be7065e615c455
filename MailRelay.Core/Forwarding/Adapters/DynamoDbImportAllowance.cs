using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// One item per user per window (PK <c>IMPORTRATE#user</c>, SK the window's start) counting the
/// imports reserved in it (<c>Used</c>). A reservation is one conditional UpdateItem that adds to
/// <c>Used</c> only while the sum stays within the limit; DynamoDB applies racing updates one after
/// the other, so instances together never pass it. When fewer are left than asked for, the item is
/// read and what is left is reserved the same way (again after a refusal: someone took some first).
/// Items carry <c>ExpiresAt</c> (epoch seconds, an hour after the window) for the table's TTL.
/// </summary>
public sealed class DynamoDbImportAllowance(DynamoDbTable table) : IImportAllowance
{
    /// <summary>How long a window's item outlives the window before TTL removes it; nothing reads it after the window.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    public async Task<ImportGrant> ReserveAsync(string userId, int wanted, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = ImportWindow.StartOf(now);
        var grant = new ImportGrant(0, start + ImportWindow.Length);
        var asked = Math.Min(wanted, limit);
        while (asked > 0)
        {
            if (await TryAddAsync(userId, start, asked, limit, cancellationToken)) return grant with { Granted = asked };
            var used = (await table.GetAsync(Pk(userId), Time(start), cancellationToken))?.Num("Used") ?? 0;
            asked = (int)Math.Min(asked, Math.Max(0, limit - used));
        }
        return grant;
    }

    private async Task<bool> TryAddAsync(string userId, DateTimeOffset start, int count, int limit, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateAsync(new UpdateItemRequest
            {
                Key = Key(Pk(userId), Time(start)),
                UpdateExpression = "SET #expires = :expires ADD #used :count",
                ConditionExpression = "attribute_not_exists(#used) OR #used <= :most",
                ExpressionAttributeNames = new() { ["#used"] = "Used", ["#expires"] = "ExpiresAt" },
                ExpressionAttributeValues = new()
                {
                    [":count"] = N(count),
                    [":most"] = N(limit - count),
                    [":expires"] = N((start + ImportWindow.Length + Retention).ToUnixTimeSeconds()),
                },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static string Pk(string userId) => "IMPORTRATE#" + userId;
}
