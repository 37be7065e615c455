using MimeKit;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>
/// Reads a raw RFC 5322 message's header block with MimeKit and nothing after it: the summary a
/// person sees, and the To addresses a dropped file is routed by. The raw bytes are only read,
/// never rewritten; what is delivered stays byte for byte what was received.
/// </summary>
public static class MessageHeaderReader
{
    /// <summary>The most that is read when no blank line ends the header block sooner.</summary>
    public const int MaxHeaderBlockBytes = 256 * 1024;

    /// <summary>
    /// The summary of the message in <paramref name="raw"/>. Never throws for bad input (except
    /// cancellation): anything odd is said in <see cref="MessageSummary.Problem"/>, because the
    /// message is delivered whatever its headers look like.
    /// </summary>
    /// <remarks>
    /// MimeKit reads in blocks of 4 KB, so up to one block beyond the blank line may be taken from
    /// the stream; it is not rewound. Errors raised by the stream itself (I/O) are not bad input and propagate.
    /// </remarks>
    public static async Task<MessageSummary> ReadSummaryAsync(Stream raw, long sizeBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            return HeaderSummaryBuilder.Build(await HeaderBlockCollector.CollectAsync(raw, MaxHeaderBlockBytes, cancellationToken), sizeBytes);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException))
        {
            // The contract is "a summary, never an exception": a parsing bug must not stop delivery.
            return new MessageSummary(null, null, null, null, null, sizeBytes, $"The headers could not be parsed ({ex.GetType().Name}).");
        }
    }

    /// <summary>
    /// The addresses of the first To header, lower-cased and without repeats; none when there is no
    /// To header or MimeKit cannot read it as an address list.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadToAddressesAsync(Stream raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var block = await HeaderBlockCollector.CollectAsync(raw, MaxHeaderBlockBytes, cancellationToken);
        var to = block.Fields.FirstOrDefault(f => f.Header.Id == HeaderId.To)?.Header;
        if (to is null || !InternetAddressList.TryParse(ParserOptions.Default, to.RawValue, out var addresses)) return [];
        return addresses.Mailboxes
            .Where(m => !string.IsNullOrEmpty(m.Domain))
            .Select(m => m.Address.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
