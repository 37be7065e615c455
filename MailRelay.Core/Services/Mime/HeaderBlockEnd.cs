namespace MailRelay.Core.Services.Mime;

/// <summary>Why reading the header block stopped.</summary>
internal enum HeaderBlockEnd
{
    BlankLine,
    EndOfStream,
    SizeLimit,
}
