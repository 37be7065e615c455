namespace MailRelay.Core.Inbound.Headers;

/// <summary>What MimeKit read of a header block, and how the block ended.</summary>
/// <param name="Lines">Every header MimeKit handed over, including lines that are not headers, in order.</param>
/// <param name="IsEmpty">The stream had no bytes at all.</param>
/// <param name="EndedAtBlankLine">A blank line ended the block (otherwise the end of the stream did, or something worse).</param>
/// <param name="Truncated">The block was longer than the limit and was cut there.</param>
/// <param name="Unreadable">MimeKit gave up on the block: its first line is not a header, or its last is a bare word at the end of the input.</param>
internal sealed record HeaderBlock(IReadOnlyList<HeaderLine> Lines, bool IsEmpty, bool EndedAtBlankLine, bool Truncated, bool Unreadable)
{
    /// <summary>The well-formed header fields, without the lines that are not headers.</summary>
    public IEnumerable<HeaderLine> Fields => Lines.Where(l => l.IsField);
}
