using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Infrastructure.DynamoDb;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// The production store's table: one DynamoDB table (PK/SK plus the GSI1 index), on-demand billing,
/// created at start when <see cref="DynamoDbSettings.CreateTable"/> says so. Every write of the store
/// classes is idempotent and conditional; nothing uses transactions, PartiQL, Streams or TTL, so it
/// runs against dynalite too. The keys and access patterns are in docs/dynamodb.md.
/// </summary>
public sealed class DynamoDbStoreSchema(DynamoDbTable table) : IStoreSchema
{
    private string Table => table.Name;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (table.Settings.CreateTable && !await TableExistsAsync(cancellationToken))
        {
            try
            {
                await table.Client.CreateTableAsync(NewTable(), cancellationToken);
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
            var described = await table.Client.DescribeTableAsync(Table, patience.Token);
            return described.Table.TableStatus == TableStatus.ACTIVE;
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
            await table.Client.DescribeTableAsync(Table, cancellationToken);
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
            var described = await table.Client.DescribeTableAsync(Table, cancellationToken);
            if (described.Table.TableStatus == TableStatus.ACTIVE) return;
            if (attempt >= 120) throw new InvalidOperationException($"DynamoDB table {Table} did not become ACTIVE (it is {described.Table.TableStatus}).");
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
                IndexName = DynamoDbTable.IndexName,
                KeySchema = [new("GSI1PK", KeyType.HASH), new("GSI1SK", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };
}
