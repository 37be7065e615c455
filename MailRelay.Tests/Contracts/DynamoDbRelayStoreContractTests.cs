using Amazon.DynamoDBv2;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Ports;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The store contract against dynalite; every test gets a fresh table.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbRelayStoreContractTests(DynaliteProcess dynalite) : RelayStoreContract
{
    private AmazonDynamoDBClient? _client;

    protected override Task<IRelayStore> CreateStoreAsync()
    {
        var settings = dynalite.NewTable();
        _client = dynalite.CreateClient(settings);
        return Task.FromResult<IRelayStore>(new DynamoDbRelayStore(_client, settings));
    }

    public override Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}
