using Amazon.DynamoDBv2;
using MailRelay.Core.Cluster;
using MailRelay.Core.Cluster.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts.Cluster;

/// <summary>The contract against dynalite; every test gets a fresh table.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbRelayChangeFeedContractTests(DynaliteProcess dynalite) : RelayChangeFeedContract
{
    private AmazonDynamoDBClient? _client;

    protected override async Task<IRelayChangeFeed> CreateFeedAsync()
    {
        var settings = dynalite.NewTable();
        _client = dynalite.CreateClient(settings);
        await StorePorts.DynamoDb(_client, settings).Schema.InitializeAsync(default);
        return new DynamoDbRelayChangeFeed(new DynamoDbTable(_client, settings));
    }

    public override Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}
