using System.Text;

namespace MailRelay.Benchmarks;

/// <summary>Benchmark messages: a real header block and a body of the requested size, generated on the fly.</summary>
public static class GeneratedMessage
{
    public static byte[] Small(int number, string to, int size)
    {
        var headers = Headers(number, to);
        var body = new StringBuilder(size);
        while (headers.Length + body.Length < size) body.Append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");
        return Encoding.ASCII.GetBytes(headers + body);
    }

    /// <summary>A message of <paramref name="size"/> bytes that is never held in memory: the body is produced as it is read.</summary>
    public static Stream Large(int number, string to, long size) => new GeneratingStream(Encoding.ASCII.GetBytes(Headers(number, to)), size);

    public static string MessageIdOf(int number) => $"<bench-{number}@mailrelay.test>";

    private static string Headers(int number, string to) =>
        $"From: Load <load@example.net>\r\nTo: {to}\r\nSubject: Benchmark {number}\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\nMessage-ID: {MessageIdOf(number)}\r\n\r\n";

    private sealed class GeneratingStream(byte[] headers, long length) : Stream
    {
        private static readonly byte[] Line = Encoding.ASCII.GetBytes("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < length)
            {
                buffer[offset + written++] = _position < headers.Length ? headers[_position] : Line[(_position - headers.Length) % Line.Length];
                _position++;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
