using MailRelay.Core.Domain;

namespace MailRelay.Core.Services.Mime;

/// <summary>
/// Summarises a raw RFC 5322 message from its header block alone. Hand-written because MimeKit and
/// MailKit are not in our NuGet registry; it reads only what a summary needs (From, To, Subject,
/// Date, Message-ID) and reports anything odd in <see cref="MessageSummary.Problem"/> instead of
/// throwing, because the message is delivered whatever its headers look like.
/// </summary>
public static class HeaderBlockParser
{
    /// <summary>The most the parser reads when no blank line ends the header block sooner.</summary>
    public const int MaxHeaderBlockBytes = HeaderBlockReader.MaxHeaderBlockBytes;

    /// <summary>
    /// Reads only the header block (up to the first empty line, or at most 256 KB) from the stream and
    /// returns the summary; never throws for bad input (except cancellation); never reads the body.
    /// </summary>
    /// <remarks>
    /// The stream is read in chunks of at most 8 KB, so up to one chunk beyond the blank line may be
    /// consumed; it is not rewound. Errors raised by the stream itself (I/O) are not bad input and propagate.
    /// </remarks>
    public static async Task<MessageSummary> ParseAsync(Stream raw, long sizeBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var block = await HeaderBlockReader.ReadAsync(raw, cancellationToken).ConfigureAwait(false);
        return Summarise(block, sizeBytes);
    }

    private static MessageSummary Summarise(HeaderBlock block, long sizeBytes)
    {
        if (block.IsEmpty) return Flagged(sizeBytes, "The message is empty.");
        try
        {
            return HeaderSummaryBuilder.Build(HeaderFieldScanner.Scan(block.Span, block.End), sizeBytes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The contract is "a summary, never an exception": a parser bug must not stop delivery.
            return Flagged(sizeBytes, $"The headers could not be parsed ({ex.GetType().Name}).");
        }
    }

    private static MessageSummary Flagged(long sizeBytes, string problem) =>
        new(null, null, null, null, null, sizeBytes, problem);
}
