namespace MailRelay.Benchmarks;

/// <summary>A benchmark message ready to be offered: its header block, and its length with the body.</summary>
public sealed record PreparedMessage(byte[] Headers, long Length)
{
    public Stream Open() => new GeneratedStream(Headers, Length);
}
