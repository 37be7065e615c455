using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Options;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// The production store: one DynamoDB table (PK/SK plus the GSI1 index), on-demand billing. Every
/// write is idempotent and conditional; nothing uses transactions, PartiQL, Streams or TTL, so it
/// runs against dynalite too. The keys and access patterns are in docs/dynamodb.md.
/// </summary>
public sealed partial class DynamoDbRelayStore(IAmazonDynamoDB client, DynamoDbSettings settings) : IRelayStore
{
    public const string IndexName = "GSI1";

    private string Table => settings.TableName;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (settings.CreateTable && !await TableExistsAsync(cancellationToken))
        {
            try
            {
                await client.CreateTableAsync(NewTable(), cancellationToken);
            }
            catch (ResourceInUseException)
            {
                // Another instance created it a moment ago; waiting for ACTIVE below is all that is left.
            }
        }
        await WaitUntilActiveAsync(cancellationToken);
    }

    /// <summary>A readiness probe must answer quickly: the SDK's own retries against a dead endpoint take minutes.</summary>
    public static readonly TimeSpan ReachabilityTimeout = TimeSpan.FromSeconds(5);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(ReachabilityTimeout);
        try
        {
            var table = await client.DescribeTableAsync(Table, patience.Token);
            return table.Table.TableStatus == TableStatus.ACTIVE;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Amazon.Runtime.AmazonServiceException)
        {
            return false;
        }
        catch (Amazon.Runtime.AmazonClientException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<bool> TableExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeTableAsync(Table, cancellationToken);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    private async Task WaitUntilActiveAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var table = await client.DescribeTableAsync(Table, cancellationToken);
            if (table.Table.TableStatus == TableStatus.ACTIVE) return;
            if (attempt >= 120) throw new InvalidOperationException($"DynamoDB table {Table} did not become ACTIVE (it is {table.Table.TableStatus}).");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private CreateTableRequest NewTable() => new()
    {
        TableName = Table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S),
            new("GSI1PK", ScalarAttributeType.S), new("GSI1SK", ScalarAttributeType.S),
        ],
        KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = IndexName,
                KeySchema = [new("GSI1PK", KeyType.HASH), new("GSI1SK", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };
}
