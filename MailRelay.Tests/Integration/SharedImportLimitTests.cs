using System.Collections.Concurrent;
using Amazon.Runtime;
using MailRelay.Core;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Notifications;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The per-user Gmail rate across instances: two hosts (two instances, each with its own singletons)
/// over one DynamoDB table (dynalite) and one fake clock, taking turns on one user's lane.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class SharedImportLimitTests(DynaliteProcess dynalite) : IAsyncLifetime
{
    private const int Limit = 5;

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private ClockedMailbox _mailbox = null!;
    private IHost _first = null!;
    private IHost _second = null!;

    public async Task InitializeAsync()
    {
        _mailbox = new ClockedMailbox(_time);
        var table = dynalite.NewTable();
        _first = Build(table, "a");
        _second = Build(table, "b");
        await Store(_first).Schema.InitializeAsync(default);
    }

    public Task DisposeAsync()
    {
        _first.Dispose();
        _second.Dispose();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunOnce_TwoInstancesTakingTurnsOnALane_ImportAtMostTheLimitPerWindowInReceivedOrder()
    {
        var received = await AddLaneAsync(12);
        var a = _first.Services.GetRequiredService<ForwardingService>();
        var b = _second.Services.GetRequiredService<ForwardingService>();

        // Minute 0: a's batch of 5 (m-01…m-05) spends the minute; b claims m-06…m-10 in the same minute
        // and leaves them waiting in the store, m-06 due when the minute ends.
        (await a.RunOnceAsync(default)).ShouldBe(5);
        (await b.RunOnceAsync(default)).ShouldBe(5);
        var waiting = (await Store(_first).Deliveries.ListDeliveriesOfMessageAsync("m-06", default)).Single();
        (await a.RunOnceAsync(default)).ShouldBe(0, "nothing of the lane is due again within the minute");
        var inFirstWindow = _mailbox.Imports.Select(i => i.MessageId).ToList();

        // Minute 1: b imports m-06…m-10; a claims m-11 and m-12 after that and finds the minute spent.
        _time.SetUtcNow(TestClock.Start + ImportWindow.Length);
        (await b.RunOnceAsync(default)).ShouldBe(5);
        (await a.RunOnceAsync(default)).ShouldBe(2);
        var inSecondWindow = _mailbox.Imports.Count;

        // Minute 2: the last two.
        _time.SetUtcNow(TestClock.Start + 2 * ImportWindow.Length);
        (await a.RunOnceAsync(default)).ShouldBe(2);

        a.InstanceId.ShouldNotBe(b.InstanceId);
        inFirstWindow.ShouldBe(received[..Limit], false, "one window, two instances: the limit holds in total");
        waiting.Status.ShouldBe(DeliveryStatus.Retrying);
        waiting.NextAttemptAt.ShouldBe(TestClock.Start + ImportWindow.Length);
        waiting.Attempts.ShouldBe(0, "waiting for the user's next minute is not a failed attempt");
        inSecondWindow.ShouldBe(2 * Limit);
        _mailbox.Imports.GroupBy(i => ImportWindow.StartOf(i.At)).Select(w => (w.Key, w.Count())).ShouldBe([
            (TestClock.Start, 5), (TestClock.Start + ImportWindow.Length, 5), (TestClock.Start + 2 * ImportWindow.Length, 2)]);
        _mailbox.Imports.Select(i => i.MessageId).ShouldBe(received, false, "in received order");
        foreach (var id in received)
            (await Store(_second).Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    private IHost Build(DynamoDbSettings table, string name)
    {
        var data = Directory.CreateDirectory(Path.Combine(_data.Path, name)).FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = data, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalData:Directory"] = data,
            ["Store:Provider"] = "DynamoDb",
            ["Store:TableName"] = table.TableName,
            ["Store:Region"] = table.Region,
            ["Store:ServiceUrl"] = table.ServiceUrl,
            ["Store:CreateTable"] = "true",
            ["Forwarding:ImportsPerMinutePerUser"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forwarding:BatchSize"] = "5",
            ["Forwarding:BlobRetentionDays"] = "1", // the messages have no blob to delete
        });
        builder.AddMailRelayCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<AWSCredentials>(new BasicAWSCredentials("test", "test")));
        builder.Services.AddSingleton<IEmailComposer, MailRelay.Web.Emails.RazorEmailComposer>();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(new MailboxDeliveries(_mailbox, _mailbox));
        return builder.Build(); // not started: no jobs run but the ones the test runs
    }

    private static StorePorts Store(IHost host) => StorePorts.From(host.Services);

    /// <summary>One user's Gmail lane of <paramref name="count"/> messages, m-01 first; returns their ids in received order.</summary>
    private async Task<string[]> AddLaneAsync(int count)
    {
        var ids = Enumerable.Range(1, count).Select(n => $"m-{n:D2}").ToArray();
        foreach (var id in ids)
        {
            var now = _time.GetUtcNow();
            var message = new StoredMessage(id, 0, "test", now, "inbound/" + id, ["alice@example.com"], Verdicts.Unknown,
                new MessageSummary(null, "alice@example.com", id, now, $"<{id}@example.org>", 100, null), false);
            (await Store(_first).Messages.AddMessageAsync(message, [new NewDelivery("alice@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)], now, default)).ShouldBeTrue();
        }
        return ids;
    }

    /// <summary>Imports at once and records each with the fake clock's time, in the order they happened.</summary>
    private sealed class ClockedMailbox(TimeProvider time) : IMailboxDelivery
    {
        public ConcurrentQueue<(string MessageId, DateTimeOffset At)> Imports { get; } = new();

        public Task<MailboxDeliveryResult> DeliverAsync(MailboxDeliveryRequest request, CancellationToken cancellationToken)
        {
            Imports.Enqueue((request.MessageId, time.GetUtcNow()));
            return Task.FromResult(MailboxDeliveryResult.Delivered("clocked-" + request.MessageId));
        }
    }
}
