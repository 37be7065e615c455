using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Benchmarks;

/// <summary>
/// What the DynamoDB store's reads cost as history grows, on dynalite: first the units one delivered
/// message costs (received, claimed and completed through the store classes), then delivered history
/// written in bulk (<see cref="HistorySeeder"/>) up to each checkpoint, where the consumed capacity of
/// the queue summary and of the first page of the message and audit lists is measured. They must not
/// grow with the history.
/// </summary>
public sealed class HistoryBenchmark(int[] checkpoints, int users, int concurrency)
{
    private const int PageSize = 50;
    private const int BatchSize = 500;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var dynalite = new DynaliteProcess();
        await dynalite.InitializeAsync();
        try
        {
            await RunAsync(dynalite, cancellationToken);
        }
        finally
        {
            await dynalite.DisposeAsync();
        }
    }

    private async Task RunAsync(DynaliteProcess dynalite, CancellationToken cancellationToken)
    {
        var settings = new DynamoDbSettings { TableName = "mailrelay-history", Region = "eu-west-1", ServiceUrl = dynalite.ServiceUrl, CreateTable = true };
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"),
            new AmazonDynamoDBConfig { ServiceURL = settings.ServiceUrl, AuthenticationRegion = settings.Region });
        var table = new DynamoDbTable(client, settings);
        var stores = StorePorts.From(new ServiceCollection().AddSingleton(table).AddSqliteStores().AddDynamoDbStores().BuildServiceProvider());
        await stores.Schema.InitializeAsync(cancellationToken);
        Console.WriteLine($"history: delivered messages to {users} users through the DynamoDB store on dynalite; request units (RU) = consumed read + write capacity");

        // The work itself: messages received, claimed and delivered through the stores, as the forwarder does.
        var before = table.Capacity.Total;
        await DeliverBatchAsync(stores, 0, BatchSize, cancellationToken);
        var perMessage = (table.Capacity.Total - before) / BatchSize;
        Console.WriteLine($"  RU per delivered message (received, claimed, delivered, one audit entry; {BatchSize} through the stores): {perMessage:F1}");

        var seeder = new HistorySeeder(table, User, Start);
        var delivered = BatchSize;
        foreach (var checkpoint in checkpoints)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await seeder.SeedAsync(delivered, checkpoint, cancellationToken);
            delivered = checkpoint;
            Console.WriteLine($"  history of {delivered:N0} delivered messages written in {clock.Elapsed.TotalSeconds:F0} s");

            var summary = await table.Capacity.MeasureAsync(() => stores.Deliveries.SummarizeQueuesAsync(cancellationToken));
            var messages = await table.Capacity.MeasureAsync(() => stores.Messages.ListMessagesAsync(new MessageFilter(), PageRequest.First(PageSize), cancellationToken));
            var audit = await table.Capacity.MeasureAsync(() => stores.Audit.ListAuditAsync(PageRequest.First(PageSize), cancellationToken));
            Console.WriteLine($"  RU of the queue summary at {delivered:N0} delivered messages: {summary:F1}");
            Console.WriteLine($"  RU of the message list's first page ({PageSize}) at {delivered:N0} delivered messages: {messages:F1}");
            Console.WriteLine($"  RU of the audit list's first page ({PageSize}) at {delivered:N0} delivered messages: {audit:F1}");
        }
    }

    /// <summary>
    /// A batch of messages, one user each: received (in parallel), claimed by "bench" as the forwarder
    /// does (one claim for the batch), delivered, and one audit entry each.
    /// </summary>
    private async Task DeliverBatchAsync(StorePorts stores, int first, int count, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForAsync(first, first + count, options, async (n, token) =>
        {
            var at = Start.AddSeconds(n * 30);
            var id = "hist-" + n.ToString("D7", CultureInfo.InvariantCulture);
            var user = User(n);
            var message = new StoredMessage(id, 0, "bench", at, "inbound/" + id, [$"{user}@example.com"], Verdicts.Unknown,
                new MessageSummary($"sender{n}@example.org", $"{user}@example.com", "History " + n, at, $"<{id}@example.org>", 40_000, null), false);
            await stores.Messages.AddMessageAsync(message, [new NewDelivery($"{user}@example.com", user, DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)], at, token);
        });
        var now = Start.AddSeconds((first + count) * 30);
        var claimed = await stores.Deliveries.ClaimDueDeliveriesAsync("bench", now, now.AddMinutes(5), count, cancellationToken);
        if (claimed.Count != count) throw new InvalidOperationException($"Claimed {claimed.Count} of {count} due deliveries.");
        await Parallel.ForEachAsync(claimed, options, async (delivery, token) =>
        {
            await stores.Deliveries.CompleteDeliveryAsync("bench", new DeliveryUpdate(delivery.Id, DeliveryStatus.Delivered, true, null, null, "gmail-" + delivery.Id, now), token);
            await stores.Audit.AppendAuditAsync(new NewAuditEntry(delivery.UserId!, "message.forwarded", delivery.MessageId), now, token);
        });
    }

    private string User(int n) => "user" + (n % users).ToString("D3", CultureInfo.InvariantCulture);
}
