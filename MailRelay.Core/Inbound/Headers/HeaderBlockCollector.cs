using MimeKit;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>
/// MimeKit's streaming <see cref="MimeReader"/>, listening only to the top-level header block. It is
/// driven as a whole message (not <see cref="MimeReader.ReadHeadersAsync"/>) because only then does
/// MimeKit skip a UTF-8 byte order mark and an mbox "From " line at the start, as mail clients do.
/// Once the block ends, the input ends too, so the body is never read.
/// </summary>
internal sealed class HeaderBlockCollector : MimeReader
{
    private readonly HeaderBlockStream _input;
    private readonly List<HeaderLine> _lines = [];
    private bool _blankLine;
    private bool _ended;

    private HeaderBlockCollector(HeaderBlockStream input) : base(input) => _input = input;

    public static async Task<HeaderBlock> CollectAsync(Stream raw, int maxBytes, CancellationToken cancellationToken)
    {
        var input = new HeaderBlockStream(raw, maxBytes);
        var collector = new HeaderBlockCollector(input);
        var unreadable = false;
        try
        {
            await collector.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException) when (!collector._ended)
        {
            // MimeKit's word for "this is not a header block"; what it read before saying so is kept.
            unreadable = true;
        }
        catch (FormatException)
        {
            // The block was read; MimeKit only stumbled over the body cut short after it.
        }
        return new HeaderBlock(collector._lines, input.BytesRead == 0, collector._blankLine, input.ReachedLimit, unreadable);
    }

    protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken)
    {
        // After the top-level block, MimeKit may still find part headers in what it had buffered.
        if (!_ended) _lines.Add(new HeaderLine(header, beginLineNumber));
    }

    protected override void OnBodySeparator(long beginOffset, int lineNumber, long endOffset, CancellationToken cancellationToken)
    {
        if (!_ended) _blankLine = true;
    }

    protected override void OnHeadersEnd(long beginOffset, int beginLineNumber, long endOffset, int endLineNumber, CancellationToken cancellationToken)
    {
        _ended = true;
        _input.EndInput();
    }
}
