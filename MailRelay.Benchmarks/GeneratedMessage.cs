using System.Text;

namespace MailRelay.Benchmarks;

/// <summary>
/// Benchmark messages: a real header block and a body of repeated lines. Only the header block is
/// built (before the timed window); the body is served from one shared line pattern as it is read,
/// so producing a message costs the benchmark what reading a <see cref="MemoryStream"/> would.
/// </summary>
public static class GeneratedMessage
{
    /// <summary>Message <paramref name="number"/>: its header block and whole body lines up to at least <paramref name="size"/> bytes.</summary>
    public static PreparedMessage Small(int number, string to, int size)
    {
        var headers = Headers(number, to);
        var bodyLines = Math.Max(0, (size - headers.Length + GeneratedStream.LineLength - 1) / GeneratedStream.LineLength);
        return new PreparedMessage(headers, headers.Length + (long)bodyLines * GeneratedStream.LineLength);
    }

    /// <summary>A message of exactly <paramref name="size"/> bytes that is never held in memory.</summary>
    public static Stream Large(int number, string to, long size) => new GeneratedStream(Headers(number, to), size);

    public static string MessageIdOf(int number) => $"<bench-{number}@mailrelay.test>";

    private static byte[] Headers(int number, string to) => Encoding.ASCII.GetBytes(
        $"From: Load <load@example.net>\r\nTo: {to}\r\nSubject: Benchmark {number}\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\nMessage-ID: {MessageIdOf(number)}\r\n\r\n");
}
