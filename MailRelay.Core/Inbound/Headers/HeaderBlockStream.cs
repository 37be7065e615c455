namespace MailRelay.Core.Inbound.Headers;

/// <summary>
/// The raw message as <see cref="HeaderBlockCollector"/> lets MimeKit see it: at most a given number
/// of bytes (a header block has no natural limit), and nothing more once the header block has ended.
/// </summary>
internal sealed class HeaderBlockStream(Stream inner, int maxBytes) : Stream
{
    private bool _ended;

    public long BytesRead { get; private set; }

    /// <summary>MimeKit wanted more than the limit allowed while the header block was still open.</summary>
    public bool ReachedLimit { get; private set; }

    public void EndInput() => _ended = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = Allowed(buffer.Length);
        if (count == 0) return 0;
        var read = await inner.ReadAsync(buffer[..count], cancellationToken).ConfigureAwait(false);
        BytesRead += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var allowed = Allowed(count);
        if (allowed == 0) return 0;
        var read = inner.Read(buffer, offset, allowed);
        BytesRead += read;
        return read;
    }

    private int Allowed(int wanted)
    {
        if (_ended || wanted == 0) return 0;
        var left = maxBytes - BytesRead;
        if (left == 0) ReachedLimit = true;
        return (int)Math.Min(wanted, left);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
