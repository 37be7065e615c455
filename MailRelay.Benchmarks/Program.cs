using MailRelay.Benchmarks;

// Usage: bench forward [messages] | bench history [messages…] — run through ./bench.sh, not part of ./test.sh.
if (args.Length > 0 && args[0] == "history")
{
    int[] checkpoints = args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [10_000, 100_000];
    await new HistoryBenchmark(checkpoints, users: 100, concurrency: 16).RunAsync(CancellationToken.None);
    return 0;
}
if (args.Length == 0 || args[0] != "forward")
{
    Console.Error.WriteLine("usage: bench.sh forward [messages] | bench.sh history [delivered messages at each checkpoint…]");
    return 2;
}
var messages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
await new ForwardBenchmark(messages, users: 100, messageBytes: 50 * 1024, offeredPerSecond: 200, latencyMessages: 2_000).RunAsync();
return 0;
