using Amazon.DynamoDBv2;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>The contract against dynalite; every test gets a fresh table.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbJobLeasesContractTests(DynaliteProcess dynalite) : JobLeasesContract
{
    private AmazonDynamoDBClient? _client;

    protected override Task<StorePorts> CreateStoresAsync()
    {
        var settings = dynalite.NewTable();
        _client = dynalite.CreateClient(settings);
        return Task.FromResult(StorePorts.DynamoDb(_client, settings));
    }

    public override Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}
