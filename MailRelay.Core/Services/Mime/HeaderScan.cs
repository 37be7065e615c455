namespace MailRelay.Core.Services.Mime;

/// <summary>
/// The header fields a summary needs, unfolded and decoded from bytes but not yet from RFC 2047,
/// and what went wrong with the block's structure.
/// </summary>
/// <param name="FirstStrayLine">The first line that is not a header but is followed by more headers.</param>
/// <param name="BodyWithoutBlankLine">A line that is not a header ended the block: the body follows without a blank line.</param>
internal sealed record HeaderScan(
    string? From,
    string? To,
    string? Subject,
    string? Date,
    string? MessageId,
    int HeaderCount,
    StrayLine? FirstStrayLine,
    bool BodyWithoutBlankLine,
    HeaderBlockEnd End);
