using MailRelay.Benchmarks;

// Usage: bench forward [messages] | bench scale [messages] — run through ./bench.sh, not part of ./test.sh.
int Number(int fallback) => args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
switch (args.FirstOrDefault())
{
    case "forward":
        await new ForwardBenchmark(Number(10_000), users: 100, messageBytes: 50 * 1024, offeredPerSecond: 200, latencyMessages: 2_000).RunAsync();
        return 0;
    case "scale":
        await new ScaleBenchmark(Number(5_000), users: 100).RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: bench.sh forward [messages] | bench.sh scale [messages]");
        return 2;
}
