using MailRelay.Core.Domain;

namespace MailRelay.Core.Services.Mime;

/// <summary>Turns scanned header values into the <see cref="MessageSummary"/> a person sees, and says what was wrong.</summary>
internal static class HeaderSummaryBuilder
{
    private static readonly string TooLong =
        $"The header block is longer than {HeaderBlockReader.MaxHeaderBlockBytes / 1024} KB; only the first {HeaderBlockReader.MaxHeaderBlockBytes / 1024} KB were read.";

    public static MessageSummary Build(HeaderScan scan, long sizeBytes)
    {
        if (scan.HeaderCount == 0) return new MessageSummary(null, null, null, null, null, sizeBytes, "The message has no headers.");

        var problems = new List<string>(2);
        if (scan.FirstStrayLine is { } stray) problems.Add($"Line {stray.Number} is not a header: \"{stray.Excerpt}\".");
        if (scan.BodyWithoutBlankLine) problems.Add("The header block has no blank line before the body.");
        else if (scan.End == HeaderBlockEnd.SizeLimit) problems.Add(TooLong);

        return new MessageSummary(
            From: Text(scan.From, "From", problems),
            To: Text(scan.To, "To", problems),
            Subject: Text(scan.Subject, "Subject", problems),
            Date: MailDateParser.Parse(scan.Date),
            MessageId: MessageId(scan.MessageId),
            SizeBytes: sizeBytes,
            Problem: problems.Count == 0 ? null : string.Join(" ", problems));
    }

    private static string? Text(string? raw, string header, List<string> problems)
    {
        if (raw is null) return null;
        var decoded = EncodedWordDecoder.Decode(raw, out var failed);
        if (failed) problems.Add($"The {header} has an encoded word that cannot be decoded.");
        return HeaderText.Flatten(decoded);
    }

    /// <summary>The first <c>&lt;…&gt;</c> with its brackets, as SES reports it; without brackets, the whole value.</summary>
    private static string? MessageId(string? raw)
    {
        if (raw is null) return null;
        var open = raw.IndexOf('<');
        var close = open >= 0 ? raw.IndexOf('>', open) : -1;
        var id = HeaderText.Flatten(close > open ? raw[open..(close + 1)] : raw);
        return id.Length == 0 ? null : id;
    }
}
