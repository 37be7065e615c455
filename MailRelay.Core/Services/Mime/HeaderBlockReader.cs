using System.Buffers;

namespace MailRelay.Core.Services.Mime;

/// <summary>Reads a stream up to the blank line that ends the header block, and no further than it must.</summary>
internal static class HeaderBlockReader
{
    public const int MaxHeaderBlockBytes = 256 * 1024;

    // Small reads keep what is taken from the body to at most one chunk.
    private const int ChunkBytes = 8 * 1024;

    public static async Task<HeaderBlock> ReadAsync(Stream raw, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var filled = 0;
        var lineStart = 0;
        try
        {
            while (true)
            {
                if (filled == MaxHeaderBlockBytes) return new HeaderBlock(buffer, filled, filled, HeaderBlockEnd.SizeLimit);
                if (filled == buffer.Length) buffer = Grow(buffer, filled);

                var want = Math.Min(ChunkBytes, Math.Min(buffer.Length, MaxHeaderBlockBytes) - filled);
                var read = await raw.ReadAsync(buffer.AsMemory(filled, want), cancellationToken).ConfigureAwait(false);
                if (read == 0) return new HeaderBlock(buffer, filled, filled, HeaderBlockEnd.EndOfStream);
                filled += read;

                var blankLine = FindBlankLine(buffer.AsSpan(0, filled), ref lineStart);
                if (blankLine >= 0) return new HeaderBlock(buffer, blankLine, filled, HeaderBlockEnd.BlankLine);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Looks for an empty line from <paramref name="lineStart"/> on, moving it past every complete line
    /// so the next call resumes there; returns where the empty line starts, or -1.
    /// </summary>
    internal static int FindBlankLine(ReadOnlySpan<byte> data, ref int lineStart)
    {
        while (true)
        {
            var lineFeed = data[lineStart..].IndexOf((byte)'\n');
            if (lineFeed < 0) return -1;
            if (lineFeed == 0 || (lineFeed == 1 && data[lineStart] == (byte)'\r')) return lineStart;
            lineStart += lineFeed + 1;
        }
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxHeaderBlockBytes));
        buffer.AsSpan(0, filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
