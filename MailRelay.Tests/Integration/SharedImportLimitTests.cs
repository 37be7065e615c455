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
    private readonly CapturingLoggerProvider _logs = new();
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

        var firstByA = await a.RunOnceAsync(default); // a batch is 5: m-01…m-05, the window's whole allowance
        var byB = b.RunOnceAsync(default); // m-06…m-10 move to the other instance within the same minute
        await UntilAsync(() => byB.IsCompleted || WaitsLogged() == 1, "the other instance imports or waits");
        var inFirstWindow = _mailbox.Imports.Select(i => i.MessageId).ToList();
        _time.SetUtcNow(TestClock.Start + ImportWindow.Length);
        var secondByB = await byB.WaitAsync(TimeSpan.FromSeconds(20));
        var byA = a.RunOnceAsync(default); // m-11 and m-12: this minute's allowance is spent too
        await UntilAsync(() => byA.IsCompleted || WaitsLogged() == 2, "the first instance imports or waits");
        var inSecondWindow = _mailbox.Imports.Count;
        _time.SetUtcNow(TestClock.Start + 2 * ImportWindow.Length);
        var lastByA = await byA.WaitAsync(TimeSpan.FromSeconds(20));

        a.InstanceId.ShouldNotBe(b.InstanceId);
        inFirstWindow.ShouldBe(received[..Limit], false, "one window, two instances: the limit holds in total");
        inSecondWindow.ShouldBe(2 * Limit);
        (firstByA, secondByB, lastByA).ShouldBe((5, 5, 2));
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
            // Longer than the test's clock moves: no heartbeat is needed to keep a waiting lane.
            ["Forwarding:LeaseDuration"] = "00:05:00",
            ["Forwarding:BlobRetentionDays"] = "1", // the messages have no blob to delete
        });
        builder.AddMailRelayCore();
        builder.Logging.AddProvider(_logs);
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

    private int WaitsLogged() => _logs.Entries.Count(e => e.Message.Contains("wait for the next window", StringComparison.Ordinal));

    private static Task UntilAsync(Func<bool> condition, string description) =>
        RelayHost.EventuallyAsync(() => Task.FromResult(condition()), description, TimeSpan.FromSeconds(20));

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
