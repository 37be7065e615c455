using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Tests.Support;
using Shouldly;
using Xunit;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The claim runs inside the one SQLite writer, so its cost is every write's wait. Its lane-order check
/// must read the lane's open deliveries (ix_deliveries_lane_open), not its whole delivered history:
/// through ix_deliveries_lane a claim took 147 ms at 60,000 delivered messages and throughput fell
/// with history (docs/benchmarks.md). The plan is SQLite's own answer, not a timing.
/// </summary>
public sealed class SqliteClaimPlanTests : IDisposable
{
    private readonly TempSqliteStores _stores = new();

    [Fact]
    public async Task ClaimDueDeliveries_ChecksLaneOrderThroughTheOpenDeliveriesIndex()
    {
        await _stores.Ports.Schema.InitializeAsync(CancellationToken.None);
        await using var connection = await _stores.Database.OpenAsync(CancellationToken.None);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteDeliveryStore.ClaimSql;
        foreach (var name in new[] { "$owner", "$until", "$now" }) explain.Parameters.AddWithValue(name, "x");
        explain.Parameters.AddWithValue("$max", 100);

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        }

        plan.ShouldContain(step => step.Contains("ix_deliveries_lane_open", StringComparison.Ordinal),
            $"the plan was:\n{string.Join('\n', plan)}");
    }

    public void Dispose() => _stores.Dispose();
}
