using MailRelay.Benchmarks;

// Usage: bench forward [messages] | bench history [messages…] | bench scale [messages] — run through ./bench.sh, not part of ./test.sh.
int Number(int fallback) => args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
switch (args.FirstOrDefault())
{
    case "forward":
        await new ForwardBenchmark(Number(10_000), users: 100, messageBytes: 50 * 1024, offeredPerSecond: 200, latencyMessages: 2_000).RunAsync();
        return 0;
    case "history":
        int[] checkpoints = args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [10_000, 100_000];
        await new HistoryBenchmark(checkpoints, users: 100, concurrency: 16).RunAsync(CancellationToken.None);
        return 0;
    case "scale":
        await new ScaleBenchmark(Number(5_000), users: 100).RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: bench.sh forward [messages] | bench.sh history [delivered messages at each checkpoint…] | bench.sh scale [messages]");
        return 2;
}
