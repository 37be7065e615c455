using System.Text;

namespace MailRelay.Core.Services.Mime;

/// <summary>
/// Walks the lines of a header block once, keeping the first From, To, Subject, Date and
/// Message-ID and noting lines that are not headers. Works on bytes: names are ASCII, values may be 8-bit.
/// </summary>
internal static class HeaderFieldScanner
{
    private const int ExcerptChars = 40;
    private const int From = 0, To = 1, Subject = 2, Date = 3, MessageId = 4, NotKept = -1;

    private enum State { Start, InHeader, InStrayLine }

    public static HeaderScan Scan(ReadOnlySpan<byte> block, HeaderBlockEnd end)
    {
        var values = new string?[5];
        var headerCount = 0;
        StrayLine? firstStray = null;
        (int Number, int Start, int End)? pendingStray = null;
        var state = State.Start;
        int field = NotKept, valueStart = 0, valueEnd = 0;

        // Files saved on Windows sometimes start with a UTF-8 byte order mark.
        var position = block.StartsWith("\uFEFF"u8) ? 3 : 0;
        for (var lineNumber = 1; position < block.Length; lineNumber++)
        {
            var lineFeed = block[position..].IndexOf((byte)'\n');
            var next = lineFeed < 0 ? block.Length : position + lineFeed + 1;
            var contentEnd = lineFeed < 0 ? block.Length : position + lineFeed;
            if (contentEnd > position && block[contentEnd - 1] == (byte)'\r') contentEnd--;
            var line = block[position..contentEnd];

            if (line.IsEmpty)
            {
                // Only a final "\r" at the end of the stream gets here: the reader stops at real blank lines.
            }
            else if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (state == State.InHeader)
                {
                    valueEnd = contentEnd;
                }
                else
                {
                    // Continues a stray line (and is ignored with it), or is a stray line itself.
                    pendingStray ??= (lineNumber, position, contentEnd);
                    state = State.InStrayLine;
                }
            }
            else if (TryReadName(line, out var name, out var colon))
            {
                Keep(block, values, field, valueStart, valueEnd);
                headerCount++;
                if (pendingStray is { } stray)
                {
                    // A later header proves the stray line was inside the header block, not the body's start.
                    firstStray ??= new StrayLine(stray.Number, HeaderText.Excerpt(block[stray.Start..stray.End], ExcerptChars));
                    pendingStray = null;
                }
                field = FieldOf(name);
                valueStart = position + colon + 1;
                valueEnd = contentEnd;
                state = State.InHeader;
            }
            else if (lineNumber == 1 && line.StartsWith("From "u8))
            {
                // An mbox separator ("From sender@example.com Wed Oct 22 06:24:07 2025"), not a header.
                state = State.Start;
            }
            else
            {
                Keep(block, values, field, valueStart, valueEnd);
                field = NotKept;
                pendingStray ??= (lineNumber, position, contentEnd);
                state = State.InStrayLine;
            }
            position = next;
        }
        Keep(block, values, field, valueStart, valueEnd);

        // A stray line with no header after it is where the body starts: the blank line is missing
        // (any blank line the reader stopped at was then the body's own paragraph break).
        return new HeaderScan(
            values[From], values[To], values[Subject], values[Date], values[MessageId],
            headerCount, firstStray, BodyWithoutBlankLine: pendingStray is not null, end);
    }

    private static void Keep(ReadOnlySpan<byte> block, string?[] values, int field, int valueStart, int valueEnd)
    {
        // The first occurrence wins, as most mail clients show it.
        if (field != NotKept && values[field] is null) values[field] = HeaderText.Decode(block[valueStart..valueEnd]);
    }

    /// <summary>A field name is printable ASCII without a colon (RFC 5322 §3.6.8); obsolete syntax allows spaces before the colon.</summary>
    private static bool TryReadName(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out int colon)
    {
        colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon].TrimEnd(" \t"u8) : default;
        return !name.IsEmpty && !name.ContainsAnyExceptInRange((byte)33, (byte)126);
    }

    private static int FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when Ascii.EqualsIgnoreCase(name, "To"u8) => To,
        4 when Ascii.EqualsIgnoreCase(name, "From"u8) => From,
        4 when Ascii.EqualsIgnoreCase(name, "Date"u8) => Date,
        7 when Ascii.EqualsIgnoreCase(name, "Subject"u8) => Subject,
        10 when Ascii.EqualsIgnoreCase(name, "Message-ID"u8) => MessageId,
        _ => NotKept,
    };
}
