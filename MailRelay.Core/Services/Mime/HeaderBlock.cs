using System.Buffers;

namespace MailRelay.Core.Services.Mime;

/// <summary>
/// The bytes of a header block, without the blank line that ends it, in a pooled buffer that
/// <see cref="Dispose"/> returns.
/// </summary>
internal readonly struct HeaderBlock(byte[] buffer, int length, long bytesRead, HeaderBlockEnd end) : IDisposable
{
    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    /// <summary>Everything taken from the stream, which may run up to one read chunk past the block.</summary>
    public long BytesRead => bytesRead;

    public HeaderBlockEnd End => end;

    public bool IsEmpty => bytesRead == 0;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
