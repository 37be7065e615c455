using Amazon.DynamoDBv2;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts.Forwarding;

/// <summary>The contract against dynalite; every test gets a fresh table, and the second instance a client of its own.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbImportAllowanceContractTests(DynaliteProcess dynalite) : ImportAllowanceContract
{
    private readonly List<AmazonDynamoDBClient> _clients = [];
    private DynamoDbSettings _settings = null!;

    protected override async Task<IImportAllowance> CreateAsync()
    {
        _settings = dynalite.NewTable();
        var stores = StorePorts.DynamoDb(Client(), _settings);
        await stores.Schema.InitializeAsync(default);
        return stores.ImportAllowance.ShouldBeOfType<DynamoDbImportAllowance>();
    }

    protected override IImportAllowance SecondInstance() => new DynamoDbImportAllowance(new DynamoDbTable(Client(), _settings));

    private AmazonDynamoDBClient Client()
    {
        var client = dynalite.CreateClient(_settings);
        _clients.Add(client);
        return client;
    }

    public override Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        return Task.CompletedTask;
    }
}
