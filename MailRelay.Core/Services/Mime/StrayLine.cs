namespace MailRelay.Core.Services.Mime;

/// <summary>A line inside the header block that is not a header; <see cref="Number"/> counts from 1.</summary>
internal sealed record StrayLine(int Number, string Excerpt);
