using System.Buffers;
using System.Text;

namespace MailRelay.Core.Services.Mime;

/// <summary>
/// Decodes RFC 2047 encoded words (<c>=?charset?B?…?=</c>, <c>=?charset?Q?…?=</c>) in a header value.
/// Lenient like common mail clients: words are decoded wherever they appear, not only between spaces.
/// </summary>
internal static class EncodedWordDecoder
{
    private static readonly SearchValues<char> QuestionMarkOrSpace = SearchValues.Create("? \t\r\n");

    /// <summary>
    /// Returns the decoded text. A word that cannot be decoded (bad base64 or hex, unknown charset)
    /// is left as written and sets <paramref name="failed"/>.
    /// </summary>
    public static string Decode(string text, out bool failed)
    {
        failed = false;
        var start = text.IndexOf("=?", StringComparison.Ordinal);
        if (start < 0) return text;

        var output = new StringBuilder(text.Length);
        var pending = new PendingBytes();
        try
        {
            var copied = 0;
            var afterWord = false;
            while (start >= 0)
            {
                if (!TryFindWord(text, start, out var word))
                {
                    start = text.IndexOf("=?", start + 2, StringComparison.Ordinal);
                    continue;
                }

                var gap = text.AsSpan(copied, start - copied);
                // RFC 2047 §6.2: whitespace between two encoded words is not part of the text.
                var joined = afterWord && gap.IsWhiteSpace();
                var encoding = MailCharsets.Find(word.Charset);
                if (encoding is not null && (!joined || !encoding.Equals(pending.Encoding))) pending.FlushTo(output);
                if (encoding is not null && pending.TryAppend(encoding, word))
                {
                    if (!joined) output.Append(gap);
                    afterWord = true;
                }
                else
                {
                    failed = true;
                    pending.FlushTo(output);
                    output.Append(gap).Append(text.AsSpan(start, word.End - start));
                    afterWord = false;
                }
                copied = word.End;
                start = text.IndexOf("=?", copied, StringComparison.Ordinal);
            }
            pending.FlushTo(output);
            return output.Append(text.AsSpan(copied)).ToString();
        }
        finally
        {
            pending.Dispose();
        }
    }

    /// <summary>Whether <c>=?charset?e?text?=</c> starts at <paramref name="start"/>; says nothing about whether it decodes.</summary>
    private static bool TryFindWord(string text, int start, out EncodedWord word)
    {
        // Each scan stops at the next "?" or space, so hostile input cannot make this quadratic.
        word = default;
        var rest = text.AsSpan(start + 2);
        var charsetEnd = rest.IndexOfAny(QuestionMarkOrSpace);
        if (charsetEnd <= 0 || rest[charsetEnd] != '?') return false;
        var textStart = charsetEnd + 3;
        if (textStart > rest.Length || !char.IsAsciiLetter(rest[charsetEnd + 1]) || rest[charsetEnd + 2] != '?') return false;
        var textLength = rest[textStart..].IndexOfAny(QuestionMarkOrSpace);
        if (textLength < 0) return false;
        var textEnd = textStart + textLength;
        if (rest[textEnd] != '?' || textEnd + 1 >= rest.Length || rest[textEnd + 1] != '=') return false;

        // RFC 2231 lets a language follow the charset: "utf-8*en".
        var charset = rest[..charsetEnd];
        var star = charset.IndexOf('*');
        var offset = start + 2;
        word = new EncodedWord(
            (star >= 0 ? charset[..star] : charset).ToString(),
            char.ToUpperInvariant(rest[charsetEnd + 1]),
            offset + textStart,
            offset + textEnd,
            offset + textEnd + 2,
            text);
        return true;
    }

    private readonly record struct EncodedWord(string Charset, char Scheme, int TextStart, int TextEnd, int End, string Source)
    {
        public ReadOnlySpan<char> Text => Source.AsSpan(TextStart, TextEnd - TextStart);
    }

    /// <summary>
    /// Bytes of consecutive words in one charset, turned into text together: senders split long
    /// subjects between words without regard to where a UTF-8 character ends.
    /// </summary>
    private sealed class PendingBytes : IDisposable
    {
        private byte[] _buffer = [];
        private int _length;

        public Encoding? Encoding { get; private set; }

        public bool TryAppend(Encoding encoding, EncodedWord word)
        {
            var text = word.Text;
            Reserve(text.Length); // decoded bytes never outnumber the characters
            var written = word.Scheme switch
            {
                'B' => Base64.Decode(text, _buffer.AsSpan(_length)),
                'Q' => QuotedPrintable.Decode(text, _buffer.AsSpan(_length)),
                _ => -1,
            };
            if (written < 0) return false;
            _length += written;
            Encoding = encoding;
            return true;
        }

        public void FlushTo(StringBuilder output)
        {
            if (_length > 0) output.Append(Encoding!.GetString(_buffer, 0, _length));
            _length = 0;
            Encoding = null;
        }

        public void Dispose()
        {
            if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        }

        private void Reserve(int count)
        {
            if (_buffer.Length - _length >= count) return;
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + count, 256));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }

    private static class Base64
    {
        /// <summary>Bytes written, or -1. Missing "=" padding is tolerated, as many decoders do.</summary>
        public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
        {
            switch (text.Length % 4)
            {
                case 1:
                    return -1;
                case 2 or 3:
                    var padded = string.Concat(text, "==".AsSpan(0, 4 - text.Length % 4));
                    return Convert.TryFromBase64String(padded, destination, out var paddedWritten) ? paddedWritten : -1;
                default:
                    return Convert.TryFromBase64Chars(text, destination, out var written) ? written : -1;
            }
        }
    }

    private static class QuotedPrintable
    {
        /// <summary>RFC 2047 "Q": "_" is a space, "=XX" a byte in hex, other printable ASCII as is. Bytes written, or -1.</summary>
        public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
        {
            var written = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '_')
                {
                    destination[written++] = (byte)' ';
                }
                else if (c == '=')
                {
                    if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2])) return -1;
                    destination[written++] = (byte)(HexValue(text[i + 1]) << 4 | HexValue(text[i + 2]));
                    i += 2;
                }
                else if (c is > ' ' and < '\u007f')
                {
                    destination[written++] = (byte)c;
                }
                else
                {
                    return -1;
                }
            }
            return written;
        }

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
