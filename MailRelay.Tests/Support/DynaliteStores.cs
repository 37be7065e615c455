using Amazon.DynamoDBv2;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.DynamoDb;

namespace MailRelay.Tests.Support;

/// <summary>
/// DynamoDB stores on dynalite tables for the tests that go beyond the store contract. Each store gets
/// its own client without SDK retries, so a simulated crash (<see cref="FailingDynamoDbCalls"/>)
/// surfaces to the test instead of being retried away; the clients are disposed with this.
/// </summary>
public sealed class DynaliteStores : IDisposable
{
    private readonly List<IDisposable> _clients = [];

    /// <summary>A store on the table (created if needed), optionally over an HTTP client factory that fails chosen calls.</summary>
    public async Task<StorePorts> OpenAsync(DynamoDbSettings settings, HttpClientFactory? http = null)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = settings.ServiceUrl, AuthenticationRegion = settings.Region, MaxErrorRetry = 0 };
        if (http is not null) config.HttpClientFactory = http;
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
        _clients.Add(client);
        var store = StorePorts.DynamoDb(client, settings);
        await store.Schema.InitializeAsync(default);
        return store;
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
