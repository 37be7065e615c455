using MimeKit;
using MimeKit.Utils;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>Turns the header block MimeKit read into the <see cref="MessageSummary"/> a person sees, and says what was wrong.</summary>
internal static class HeaderSummaryBuilder
{
    private const int ExcerptChars = 40;

    /// <summary>RFC 5322 §2.1.1: a line is at most 998 characters, not counting its CRLF.</summary>
    private const int MaxLineChars = 998;

    private static readonly string TooLong =
        $"The header block is longer than {MessageHeaderReader.MaxHeaderBlockBytes / 1024} KB; only the first {MessageHeaderReader.MaxHeaderBlockBytes / 1024} KB were read.";

    public static MessageSummary Build(HeaderBlock block, long sizeBytes)
    {
        if (block.IsEmpty) return Flagged(sizeBytes, "The message is empty.");
        var lines = WithoutMboxSeparator(block.Lines);
        var lastField = lines.FindLastIndex(l => l.IsField);
        if (lastField < 0) return Flagged(sizeBytes, "The message has no headers.");

        var problems = new List<string>(2);
        // A line that is not a header was inside the header block when headers follow it, or when it
        // is the one line between the last header and the blank line. Without that blank line, or with
        // several such lines (a paragraph), they are the body's first lines: MimeKit reads on until a blank line.
        var endsInBody = !block.EndedAtBlankLine || block.Truncated || lines.Count - 1 - lastField > 1;
        var stray = lines.Take(endsInBody ? lastField : lines.Count).FirstOrDefault(l => !l.IsField);
        if (stray is not null) problems.Add(NotAHeader(stray));
        if (lines.FirstOrDefault(l => l.EndsLinesWithBareCr) is { } bareCr)
            problems.Add($"Line {bareCr.LineNumber} ends its lines with a bare CR (no line feed), so the headers after it were read as part of it.");
        if (!block.Truncated && lines.Select(l => (Line: l, Length: l.LongestPhysicalLine)).FirstOrDefault(l => l.Length > MaxLineChars) is { Line: not null } longLine)
            problems.Add($"Line {longLine.Line.LineNumber} is {longLine.Length} characters long; RFC 5322 allows {MaxLineChars}.");
        if (block.Truncated) problems.Add(TooLong);
        else if ((endsInBody && lastField < lines.Count - 1) || block.Unreadable) problems.Add("The header block has no blank line before the body.");

        var fields = lines.Where(l => l.IsField).Select(l => l.Header).ToList();
        return new MessageSummary(
            From: Text(First(fields, HeaderId.From), "From", problems),
            To: Text(First(fields, HeaderId.To), "To", problems),
            Subject: Text(First(fields, HeaderId.Subject), "Subject", problems),
            Date: Date(First(fields, HeaderId.Date)),
            MessageId: MessageId(First(fields, HeaderId.MessageId)),
            SizeBytes: sizeBytes,
            Problem: problems.Count == 0 ? null : string.Join(" ", problems));
    }

    private static string NotAHeader(HeaderLine line)
    {
        var excerpt = SummaryText.Excerpt(line.Text, ExcerptChars);
        return line.HasColon
            ? $"Line {line.LineNumber} is not a header: \"{excerpt}\"."
            : $"Line {line.LineNumber} is not a header field (no colon): \"{excerpt}\".";
    }

    private static List<HeaderLine> WithoutMboxSeparator(IReadOnlyList<HeaderLine> lines)
    {
        // MimeKit lets an mbox separator ("From sender@example.com Wed Oct 22 06:24:07 2025") through
        // as the first line, as a line that is not a header; it is not part of the message.
        var mbox = lines.Count > 0 && !lines[0].IsField && lines[0].Text.TrimStart('>').StartsWith("From ", StringComparison.Ordinal);
        return mbox ? lines.Skip(1).ToList() : lines.ToList();
    }

    /// <summary>The first occurrence counts, as most mail clients show it.</summary>
    private static Header? First(List<Header> fields, HeaderId id) => fields.FirstOrDefault(h => h.Id == id);

    private static string? Text(Header? header, string name, List<string> problems)
    {
        if (header is null) return null;
        var text = HeaderValueDecoder.Decode(header, out var hadBrokenWord);
        if (hadBrokenWord) problems.Add($"The {name} has an encoded word that cannot be decoded.");
        return SummaryText.Flatten(text);
    }

    private static DateTimeOffset? Date(Header? header) =>
        header is not null && DateUtils.TryParse(header.RawValue, out var date) ? date : null;

    /// <summary>With its angle brackets, as SES reports it.</summary>
    private static string? MessageId(Header? header)
    {
        if (header is null) return null;
        var id = MimeUtils.ParseMessageId(header.RawValue, 0, header.RawValue.Length);
        return string.IsNullOrWhiteSpace(id) ? null : $"<{SummaryText.Flatten(id)}>";
    }

    private static MessageSummary Flagged(long sizeBytes, string problem) =>
        new(null, null, null, null, null, sizeBytes, problem);
}
