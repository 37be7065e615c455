using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Tests.Integration;

/// <summary>The table counts the capacity units DynamoDB reports, so a benchmark can say what an access pattern costs.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbCapacityTests(DynaliteProcess dynalite)
{
    [Fact]
    public async Task Capacity_PutAndConsistentGetOfANineKilobyteItem_CountsOneUnitPerKilobyteWrittenAndPerFourRead()
    {
        var settings = dynalite.NewTable();
        using var client = dynalite.CreateClient(settings);
        var table = new DynamoDbTable(client, settings);
        await new DynamoDbStoreSchema(table).InitializeAsync(default);
        var before = table.Capacity.Snapshot();

        // PK, SK and a 9,000-character value: just under 9 KB, so 9 write units and 3 strongly consistent read units (4 KB each).
        await table.PutNewAsync(DynamoDbTable.NewItem("CAPACITY", "ITEM").Also("Text", S(new string('x', 9_000))), default);
        var read = await table.Capacity.MeasureAsync(() => table.GetAsync("CAPACITY", "ITEM", default));

        var after = table.Capacity.Snapshot();
        (after["PutItem"] - before.GetValueOrDefault("PutItem")).ShouldBe(9);
        (after["GetItem"] - before.GetValueOrDefault("GetItem")).ShouldBe(3);
        read.ShouldBe(3);
    }
}
