using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace MailRelay.Core.Services.Mime;

/// <summary>Turns raw header bytes into text, and text into something safe to show on one line.</summary>
internal static class HeaderText
{
    /// <summary>
    /// Unfolds a field value (RFC 5322 §2.2.3: drop each CRLF, keep the whitespace after it), trims it,
    /// and decodes it as UTF-8 when that is valid, else as Latin-1, which cannot fail.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> raw)
    {
        raw = raw.Trim(" \t\r\n"u8);
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0) return Decode8Bit(raw);

        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            var length = 0;
            foreach (var b in raw)
            {
                if (b is not ((byte)'\r' or (byte)'\n')) rented[length++] = b;
            }
            return Decode8Bit(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Replaces control characters (folding tabs, C1 bytes read as Latin-1, CR/LF smuggled in an
    /// encoded word) by spaces and trims, so a summary never spans lines or injects a header.
    /// </summary>
    public static string Flatten(string text)
    {
        var firstControl = text.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        if (firstControl < 0 && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')) return text.Trim();
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }).Trim();
    }

    /// <summary>At most <paramref name="maxChars"/> characters of one line, for quoting in a problem.</summary>
    public static string Excerpt(ReadOnlySpan<byte> line, int maxChars)
    {
        // A character is at most 4 UTF-8 bytes; cut on a character boundary so UTF-8 stays valid.
        if (line.Length > maxChars * 4)
        {
            var cut = maxChars * 4;
            while (cut > 0 && (line[cut] & 0xC0) == 0x80) cut--;
            line = line[..cut];
        }
        var text = Flatten(Decode8Bit(line));
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars).TrimEnd(), "…");
    }

    private static string Decode8Bit(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
}
