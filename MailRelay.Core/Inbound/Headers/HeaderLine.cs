using MimeKit;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>One header as MimeKit read it, with the line it starts on (counted from 1).</summary>
internal sealed partial record HeaderLine(Header Header, int LineNumber)
{
    /// <summary>
    /// MimeKit keeps a line that is not a header (no colon, a space inside the name, control
    /// characters) as a header whose name is the whole line; a real field name is printable ASCII
    /// without a colon (RFC 5322 §3.6.8).
    /// </summary>
    public bool IsField => Header.Field.Length > 0 && Header.Field.All(c => c is > ' ' and < '\u007f' and not ':');

    /// <summary>False for a line MimeKit kept although it has no colon at all (a word, a sentence of the body).</summary>
    public bool HasColon => Header.RawValue.Length > 0 || Header.RawField.AsSpan().Contains((byte)':');

    /// <summary>The longest physical line of this header (a folded header spans several), without its line break.</summary>
    public int LongestPhysicalLine
    {
        get
        {
            var longest = 0;
            var current = Header.RawField.Length + 1;
            foreach (var b in Header.RawValue)
            {
                if (b is (byte)'\r' or (byte)'\n')
                {
                    longest = Math.Max(longest, current);
                    current = 0;
                }
                else current++;
            }
            return Math.Max(longest, current);
        }
    }

    /// <summary>
    /// A bare CR (no LF after it) followed by what looks like the next header ("To:"): the message uses
    /// bare CRs as line ends, which MimeKit rightly does not read as line breaks.
    /// </summary>
    public bool EndsLinesWithBareCr =>
        Header.RawValue.AsSpan().IndexOf((byte)'\r') >= 0 // almost every header has none: no string, no regex
        && BareCrBeforeField().IsMatch(System.Text.Encoding.Latin1.GetString(Header.RawValue));

    [System.Text.RegularExpressions.GeneratedRegex(@"\r(?!\n)[A-Za-z0-9-]+:")]
    private static partial System.Text.RegularExpressions.Regex BareCrBeforeField();

    /// <summary>The line as it was written, for quoting it when it is not a header.</summary>
    public string Text => Header.RawValue.Length > 0 && Header.Field.Length == 0
        ? ":" + SummaryText.AsWritten(Header.RawValue)
        : SummaryText.AsWritten(Header.RawField);
}
