using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Domain;
using static MailRelay.Core.Adapters.Aws.DynamoDbValues;

namespace MailRelay.Core.Adapters.Aws;

public sealed partial class DynamoDbRelayStore
{
    /// <summary>One Query of GSI1 GMAILEXPIRY for keys before the cutoff, soonest first; status is filtered in memory.</summary>
    public async Task<IReadOnlyList<ExpiringConnection>> ListConnectionsExpiringBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var request = Index(ExpiryIndex);
        request.KeyConditionExpression = "GSI1PK = :pk AND GSI1SK < :before";
        request.ExpressionAttributeValues[":before"] = S(Time(before));
        var items = await QueryAsync(request, cancellationToken);
        return items.Select(i => new ExpiringConnection(ReadConnection(i), i.OptStr("ExpiryAlertFor") == i.Str("IssuedAt")))
            .Where(e => e.Connection.IsUsable)
            .ToList();
    }

    public async Task<bool> ClaimExpiryAlertAsync(string userId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
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
