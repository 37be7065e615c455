using System.Diagnostics;
using MailRelay.Tests.E2E;

namespace MailRelay.Benchmarks;

/// <summary>
/// Two real app processes on the AWS profile (dynalite, s3rver, the fake SQS, KMS and IAM, a fake
/// Google) behind a reverse proxy with session affinity, as ECS tasks behind a load balancer:
/// <paramref name="messages"/> messages to <paramref name="users"/> users, then a second batch during
/// which one instance is killed with SIGKILL; then the history costs (<see cref="HistoryBenchmark"/>).
/// Each figure is printed on its own line.
/// </summary>
public sealed class ScaleBenchmark(int messages, int users)
{
    private static readonly TimeSpan ImportLatency = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SlowGmail = TimeSpan.FromMilliseconds(1000);

    private readonly List<string> _mailboxes = [.. Enumerable.Range(0, users).Select(i => $"user{i}@gmail.example")];

    public async Task RunAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(45));
        await using var aws = new AwsAppFixture { StartsOwnInstance = false };
        await aws.InitializeAsync();
        aws.Google.KeepBytesPerMessage = 1024; // headers only: the fake must not hold every message
        aws.Google.Script().WithImportLatency(ImportLatency);
        await using var meter = await DynamoDbCapacityMeter.StartAsync(aws.Dynalite.ServiceUrl);
        await using var seeder = await ScaleSeeder.StartAsync(aws.InstanceEnvironment());
        for (var i = 0; i < users; i++) await seeder.ConnectAsync($"user{i}", $"user{i}@example.com", aws.Google.AddUser(_mailboxes[i]));
        var audit = new MailboxAudit(aws.Google, _mailboxes);
        Console.WriteLine($"scale: 2 instances on the AWS profile behind an affinity proxy, {messages} messages to {users} users; fake Gmail answers in {ImportLatency.TotalMilliseconds:0} ms");

        // The first batch waits in the queue before the instances start, so the figure is the instances' pace, not the sender's.
        var first = await SendAsync(aws, messages);
        var overrides = new Dictionary<string, string>
        {
            ["Store__ServiceUrl"] = meter.ServiceUrl,
            ["Forwarding__IntakeInterval"] = "00:00:00.100",
            ["Forwarding__ForwardInterval"] = "00:00:00.100",
            ["Forwarding__ParallelUsers"] = users.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var a = await aws.StartInstanceAsync(overrides, timeout.Token);
        await using var b = await aws.StartInstanceAsync(overrides, timeout.Token);
        await using var front = await AffinityFront.StartAsync(new Dictionary<string, string> { ["a"] = a.BaseUrl, ["b"] = b.BaseUrl });
        await ShouldBeHealthyAsync(front);
        meter.Reset();

        await WaitAsync(() => audit.ImportedOnce(first) == first.Count, $"all {first.Count} messages imported");
        var imports = audit.Imports().Where(i => first.Contains(i.Id)).Select(i => i.At).ToList();
        var seconds = (imports.Max() - imports.Min()).TotalSeconds;
        var units = meter.CapacityUnits;
        Console.WriteLine($"deliveries/s {first.Count / seconds:F0}");
        Console.WriteLine($"duplicates {audit.Duplicates(first)}");
        Console.WriteLine($"order violations {audit.OrderViolations(await seeder.SequencesAsync(first))}");
        Console.WriteLine($"request units per message {units / first.Count:F1}");

        var second = await SendAsync(aws, Math.Max(users * 4, messages / 5));
        await KillDuringASecondBatchAsync(aws, [a, b], audit, second, timeout.Token);

        // What the pages' reads cost as history grows: the same store code over bulk-written history (see HistoryBenchmark).
        await new HistoryBenchmark([10_000, 100_000], users, concurrency: 16).RunAsync(timeout.Token);
    }

    /// <summary>
    /// A quarter of the way into the second batch, with Gmail slowed down, kills with SIGKILL
    /// whichever instance holds more delivery leases (read in the table), times until none of its
    /// leases is left, and waits for the survivor to finish the batch.
    /// </summary>
    private static async Task KillDuringASecondBatchAsync(AwsAppFixture aws, AppProcess[] instances, MailboxAudit audit, HashSet<string> second, CancellationToken cancellationToken)
    {
        using var leases = new LeaseWatch(aws.Dynalite.ServiceUrl, AwsAppFixture.TableName);
        await WaitAsync(() => audit.ImportedOnce(second) >= second.Count / 4, "a quarter of the second batch imported");
        // On dynalite intake is the slow part, so deliveries are leased only for moments; a slow Gmail
        // (as on a bad day) keeps batches, and their leases, in flight when the kill comes.
        aws.Google.Script().WithImportLatency(SlowGmail);
        var victim = instances[0];
        for (var tries = 0; tries < 40; tries++)
        {
            var holding = new Dictionary<AppProcess, int>();
            foreach (var instance in instances) holding[instance] = (await leases.LeasedToAsync(instance.ProcessId)).Keys.Count;
            victim = holding.MaxBy(h => h.Value).Key;
            if (holding[victim] > 0) break;
            await Task.Delay(250, cancellationToken);
        }
        await victim.KillAsync(cancellationToken);
        var killed = Stopwatch.StartNew();
        var (held, lanes) = await leases.LeasedToAsync(victim.ProcessId);
        while (await leases.StillLeasedToAsync(victim.ProcessId, held) > 0 && killed.Elapsed < Patience) await Task.Delay(250, cancellationToken);
        var takeover = killed.Elapsed;

        await WaitAsync(() => audit.ImportedOnce(second) == second.Count, $"all {second.Count} messages of the second batch imported", allowTimeout: true);
        Console.WriteLine($"lost {audit.Lost(second)}");
        Console.WriteLine($"duplicates after kill {audit.Duplicates(second)} (lanes in flight at the kill: {lanes}, deliveries leased to the killed instance: {held.Count})");
        Console.WriteLine($"takeover s {takeover.TotalSeconds:F1}");
    }

    /// <summary>Sends <paramref name="count"/> messages round robin over the users, 16 at a time, as SES would (S3 object, then SQS notification).</summary>
    private async Task<HashSet<string>> SendAsync(AwsAppFixture aws, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        // In order per user: each user's n-th message is sent before its (n+1)-th.
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (user, _) =>
        {
            for (var n = user; n < count; n += users)
                await aws.SendThroughSesAsync($"user{user}@example.com", MailboxAudit.Subject(ids[n]), ids[n]);
        });
        return [.. ids];
    }

    private static async Task ShouldBeHealthyAsync(AffinityFront front)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync($"{front.BaseUrl}/healthz");
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The instances behind the proxy answered /healthz with {(int)response.StatusCode}.");
    }

    private static async Task WaitAsync(Func<bool> done, string what, bool allowTimeout = false)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            if (waited.Elapsed > Patience)
            {
                if (allowTimeout) return;
                throw new TimeoutException($"Gave up after {Patience.TotalMinutes:0} minutes waiting until {what}.");
            }
            await Task.Delay(100);
        }
    }
}
