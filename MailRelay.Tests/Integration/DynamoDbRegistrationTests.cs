using Amazon.Runtime;
using MailRelay.Core;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailRelay.Tests.Integration;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbRegistrationTests(DynaliteProcess dynalite)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings);
        // dynalite accepts any credentials; production uses the default chain.
        builder.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("test", "test"));
        builder.AddMailRelayCore();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddMailRelayCore_StoreProviderDynamoDb_UsesTheTableItCreates()
    {
        var table = dynalite.NewTable();
        await using var services = Build(new()
        {
            ["Store:Provider"] = "DynamoDb",
            ["Store:TableName"] = table.TableName,
            ["Store:Region"] = table.Region,
            ["Store:ServiceUrl"] = table.ServiceUrl,
            ["Store:CreateTable"] = "true",
        });

        var store = StorePorts.From(services);
        store.ShouldBe(StorePorts.From(services), "each store class is one singleton per port");
        new object[] { store.Users, store.Audit, store.Messages, store.Deliveries, store.Routes, store.Gmail, store.SmtpUsers, store.Usage, store.Metrics, store.Domains, store.Schema }
            .ShouldAllBe(port => port.GetType().Name.StartsWith("DynamoDb", StringComparison.Ordinal));
        await store.Schema.InitializeAsync(default);
        await store.Users.UpsertUserAsync("alice", "alice@example.com", "Alice", [], DateTimeOffset.UnixEpoch, default);

        (await store.Schema.IsReachableAsync(default)).ShouldBeTrue();
        (await store.Users.FindUserAsync("alice", default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Initialize_TableMissingAndCreateTableOff_FailsInsteadOfCreatingIt()
    {
        var table = dynalite.NewTable();
        table.CreateTable = false;
        using var client = dynalite.CreateClient(table);
        var store = new DynamoDbStoreSchema(new DynamoDbTable(client, table));

        await Should.ThrowAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => store.InitializeAsync(default));
        (await store.IsReachableAsync(default)).ShouldBeFalse();
    }

    [Fact]
    public async Task IsReachable_NothingListening_IsFalse()
    {
        var table = dynalite.NewTable();
        table.ServiceUrl = $"http://127.0.0.1:{FreePort.Next()}";
        using var client = dynalite.CreateClient(table);

        var started = DateTime.UtcNow;

        (await new DynamoDbStoreSchema(new DynamoDbTable(client, table)).IsReachableAsync(default)).ShouldBeFalse();
        (DateTime.UtcNow - started).ShouldBeLessThan(DynamoDbStoreSchema.ReachabilityTimeout + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AddMailRelayCore_DefaultSettings_KeepsSqlite()
    {
        await using var services = Build([]);

        var store = StorePorts.From(services);
        new object[] { store.Users, store.Audit, store.Messages, store.Deliveries, store.Routes, store.Gmail, store.SmtpUsers, store.Usage, store.Metrics, store.Domains, store.Schema }
            .ShouldAllBe(port => port.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal));
    }
}
