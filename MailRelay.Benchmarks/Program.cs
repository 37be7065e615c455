using MailRelay.Benchmarks;

// Usage: bench forward [messages] — run through ./bench.sh, not part of ./test.sh.
if (args.Length == 0 || args[0] != "forward")
{
    Console.Error.WriteLine("usage: bench.sh forward [messages]");
    return 2;
}
var messages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
await new ForwardBenchmark(messages, users: 100, messageBytes: 50 * 1024, offeredPerSecond: 200, latencyMessages: 2_000).RunAsync();
return 0;
