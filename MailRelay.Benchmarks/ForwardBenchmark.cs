using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Benchmarks;

/// <summary>
/// Intake → SQLite → fake Gmail (20 ms per import) on the local adapters, as the forwarding issue
/// asks: throughput over 10,000 messages of ~50 KB to 100 users, latency at 200 messages/s
/// offered, and the extra peak RSS of one 40 MB message. A warm-up goes through the same path
/// first, untimed: the product runs for days, so what is measured is its
/// steady state, not the JIT tiering and instrumented code of its first seconds.
/// </summary>
public sealed class ForwardBenchmark(int messages, int users, int messageBytes, int offeredPerSecond, int latencyMessages)
{
    private const int WarmUpRound = 1_000;
    private const int MaxWarmUpRounds = 30;
    private const int SettledJit = 50;

    /// <summary>Messages 1 to this went through in the warm-up; the timed ones are numbered after them.</summary>
    private int _warmedUp;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _intakeStarted = new();

    public async Task RunAsync()
    {
        using var data = new TempDirectory();
        await using var google = await FakeGoogle.StartAsync();
        google.KeepBytesPerMessage = 2048; // headers only: the fake must not hold what MailRelay streams
        google.Script().WithImportLatency(TimeSpan.FromMilliseconds(20));
        var settings = google.CreateSettings();
        settings["MailboxDelivery:Provider"] = "Gmail";
        settings["Forwarding:ParallelUsers"] = users.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Forwarding:ForwardInterval"] = "00:00:00.100";
        await using var host = await RelayHost.StartAsync(data.Path, settings);
        var accounts = await ConnectUsersAsync(host, google);
        Console.WriteLine($"forward: {messages} messages of ~{messageBytes / 1024} KB to {users} users; fake Gmail answers in 20 ms");
        await WarmUpAsync(host, google, accounts);

        var throughput = await ThroughputAsync(host, google, accounts);
        Console.WriteLine($"  throughput      {throughput.PerSecond:F0} deliveries/s ({messages} in {throughput.Elapsed.TotalSeconds:F1} s, intake as fast as it goes)");
        Console.WriteLine($"  latency (flood) p50 {throughput.P50.TotalMilliseconds:F0} ms, p99 {throughput.P99.TotalMilliseconds:F0} ms");

        var paced = await PacedLatencyAsync(host, google, accounts);
        Console.WriteLine($"  latency at {offeredPerSecond}/s  p50 {paced.P50.TotalMilliseconds:F0} ms, p99 {paced.P99.TotalMilliseconds:F0} ms ({latencyMessages} messages)");
        Console.WriteLine($"  peak RSS        {ProcessMemory.Megabytes(ProcessMemory.PeakBytes)}");

        var extra = await LargeMessageExtraRssAsync(host, google, accounts[0]);
        Console.WriteLine($"  40 MB message   extra peak RSS {ProcessMemory.Megabytes(extra)}");
    }

    private async Task<List<FakeGoogleUser>> ConnectUsersAsync(RelayHost host, FakeGoogle google)
    {
        var connections = host.Services.GetRequiredService<GmailConnections>();
        var accounts = new List<FakeGoogleUser>();
        for (var i = 0; i < users; i++)
        {
            var account = google.AddUser($"user{i}@gmail.example");
            await host.RouteAsync($"user{i}@example.com", $"user{i}");
            await connections.ConnectAsync($"user{i}", account.Email, account.RefreshToken, "gmail.insert", null, default);
            accounts.Add(account);
        }
        return accounts;
    }

    /// <summary>
    /// Rounds of <see cref="WarmUpRound"/> messages through intake and forwarding, untimed, until a round
    /// leaves the JIT (nearly) idle: tiered compilation recompiles thousands of methods in the
    /// background in the first tens of seconds, and what is measured is the product after that.
    /// </summary>
    private async Task WarmUpAsync(RelayHost host, FakeGoogle google, List<FakeGoogleUser> accounts)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await IntakeAllAsync(host, _warmedUp + 1, Prepare(_warmedUp + 1, WarmUpRound));
            _warmedUp += WarmUpRound;
            await WaitForAsync(google, accounts, _warmedUp);
            rounds++;
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled > SettledJit && rounds < MaxWarmUpRounds);
        Console.WriteLine($"  warm-up         {_warmedUp} messages in {clock.Elapsed.TotalSeconds:F1} s, {rounds} rounds (untimed: until a round compiled at most {SettledJit} methods)");
    }

    private async Task<Result> ThroughputAsync(RelayHost host, FakeGoogle google, List<FakeGoogleUser> accounts)
    {
        var first = _warmedUp + 1;
        var prepared = Prepare(first, messages);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await IntakeAllAsync(host, first, prepared);
        var intakeRate = messages / clock.Elapsed.TotalSeconds;
        await WaitForAsync(google, accounts, _warmedUp + messages);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var latencies = Latencies(google, accounts, first, _warmedUp + messages);
        Console.WriteLine($"  intake          {intakeRate:F0} messages/s stored (4 concurrent)");
        // What the machine's load moves least: the process's CPU per delivery (the fake Gmail's included).
        Console.WriteLine($"  cpu             {cpu.TotalMilliseconds / messages:F2} ms per delivery, {cpu / clock.Elapsed:F2} cores busy");
        return new Result(messages / clock.Elapsed.TotalSeconds, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>Takes in the prepared messages numbered from <paramref name="first"/>, 4 at a time, as fast as intake goes.</summary>
    private Task IntakeAllAsync(RelayHost host, int first, PreparedMessage[] prepared) =>
        Parallel.ForEachAsync(Enumerable.Range(first, prepared.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, token) =>
            await IntakeAsync(host, n, prepared[n - first], token));

    private async Task<Result> PacedLatencyAsync(RelayHost host, FakeGoogle google, List<FakeGoogleUser> accounts)
    {
        var first = _warmedUp + messages + 1;
        var prepared = Prepare(first, latencyMessages);
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / offeredPerSecond);
        var pending = new List<Task>();
        for (var i = 0; i < latencyMessages; i++)
        {
            var due = interval * i;
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            pending.Add(IntakeAsync(host, first + i, prepared[i], default));
        }
        await Task.WhenAll(pending);
        await WaitForAsync(google, accounts, _warmedUp + messages + latencyMessages);
        var latencies = Latencies(google, accounts, first, first + latencyMessages - 1);
        return new Result(0, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private async Task<long> LargeMessageExtraRssAsync(RelayHost host, FakeGoogle google, FakeGoogleUser account)
    {
        const long size = 40L * 1024 * 1024;
        var before = google.Mailbox(account).Count;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ProcessMemory.ResetPeak();
        var baseline = ProcessMemory.CurrentBytes;
        var n = _warmedUp + messages + latencyMessages + 1;
        var item = new InboundItem($"bench-{n}", $"bench-{n}", "bench", ["user0@example.com"], Verdicts.Unknown, DateTimeOffset.UtcNow, null,
            _ => Task.FromResult(GeneratedMessage.Large(n, "user0@example.com", size)));
        await host.Services.GetRequiredService<MessageIntake>().AcceptAsync(item, default);
        await host.Services.GetRequiredService<IForwardingScheduler>().RunSoonAsync(default);
        while (google.Mailbox(account).Count == before) await Task.Delay(20);
        var received = google.Mailbox(account)[^1];
        if (received.Size != size) throw new InvalidOperationException($"The fake received {received.Size} bytes, not {size}.");
        return ProcessMemory.PeakBytes - baseline;
    }

    /// <summary>Messages <paramref name="first"/> onwards, prepared before the timed window: the generator is not what is measured.</summary>
    private PreparedMessage[] Prepare(int first, int count) =>
        Enumerable.Range(first, count).Select(n => GeneratedMessage.Small(n, $"user{n % users}@example.com", messageBytes)).ToArray();

    private async Task IntakeAsync(RelayHost host, int n, PreparedMessage message, CancellationToken token)
    {
        _intakeStarted[GeneratedMessage.MessageIdOf(n)] = DateTimeOffset.UtcNow;
        var item = new InboundItem($"bench-{n}", $"bench-{n}", "bench", [$"user{n % users}@example.com"], Verdicts.Unknown, DateTimeOffset.UtcNow, null,
            _ => Task.FromResult(message.Open()));
        await host.Services.GetRequiredService<MessageIntake>().AcceptAsync(item, token);
        if (n % 20 == 0) await host.Services.GetRequiredService<IForwardingScheduler>().RunSoonAsync(token);
    }

    private static async Task WaitForAsync(FakeGoogle google, List<FakeGoogleUser> accounts, int total)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (accounts.Sum(a => google.Mailbox(a).Count) < total)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {accounts.Sum(a => google.Mailbox(a).Count)} of {total} were delivered in 10 minutes.");
            await Task.Delay(10);
        }
    }

    private List<TimeSpan> Latencies(FakeGoogle google, List<FakeGoogleUser> accounts, int from, int to) =>
        accounts.SelectMany(google.Mailbox)
            .Select(m => (Id: MessageId(m.Raw), m.ReceivedAt))
            .Where(m => m.Id is not null && Number(m.Id) >= from && Number(m.Id) <= to)
            .Select(m => m.ReceivedAt - _intakeStarted[m.Id!])
            .Order()
            .ToList();

    private static string? MessageId(byte[] raw)
    {
        var text = Encoding.ASCII.GetString(raw);
        var start = text.IndexOf("Message-ID: ", StringComparison.Ordinal);
        return start < 0 ? null : text[(start + 12)..text.IndexOf('\r', start)];
    }

    private static int Number(string messageId) => int.Parse(messageId["<bench-".Length..messageId.IndexOf('@')], System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted.Count == 0 ? TimeSpan.Zero : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Result(double PerSecond, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99);
}
