using System.Text;

namespace MailRelay.Benchmarks;

/// <summary>
/// A seekable, read-only message of <paramref name="length"/> bytes: <paramref name="headers"/>, then
/// the same text line over and over, copied out of one shared block as it is read.
/// </summary>
public sealed class GeneratedStream(byte[] headers, long length) : Stream
{
    private static readonly byte[] Line = Encoding.ASCII.GetBytes("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");

    /// <summary>The line a hundred times, so that a read copies kilobytes at a time rather than one line.</summary>
    private static readonly byte[] Lines = Enumerable.Repeat(Line, 100).SelectMany(l => l).ToArray();

    private long _position;

    public static int LineLength => Line.Length;

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < length)
        {
            var source = _position < headers.Length
                ? headers.AsSpan((int)_position)
                : Lines.AsSpan((int)((_position - headers.Length) % Line.Length));
            var count = (int)Math.Min(Math.Min(source.Length, buffer.Length - written), length - _position);
            source[..count].CopyTo(buffer[written..]);
            written += count;
            _position += count;
        }
        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
