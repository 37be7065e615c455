using MimeKit;

namespace MailRelay.Core.Services.Mime;

/// <summary>One header as MimeKit read it, with the line it starts on (counted from 1).</summary>
internal sealed record HeaderLine(Header Header, int LineNumber)
{
    /// <summary>
    /// MimeKit keeps a line that is not a header (no colon, a space inside the name, control
    /// characters) as a header whose name is the whole line; a real field name is printable ASCII
    /// without a colon (RFC 5322 §3.6.8).
    /// </summary>
    public bool IsField => Header.Field.Length > 0 && Header.Field.All(c => c is > ' ' and < '\u007f' and not ':');

    /// <summary>False for a line MimeKit kept although it has no colon at all (a word, a sentence of the body).</summary>
    public bool HasColon => Header.RawValue.Length > 0 || Header.RawField.AsSpan().Contains((byte)':');

    /// <summary>The line as it was written, for quoting it when it is not a header.</summary>
    public string Text => Header.RawValue.Length > 0 && Header.Field.Length == 0
        ? ":" + SummaryText.AsWritten(Header.RawValue)
        : SummaryText.AsWritten(Header.RawField);
}
