using System.Text;
using System.Text.Json.Serialization;

namespace MailRelay.Tests.Support;

/// <summary>One message as the SMTP sink printed it: the envelope, who authenticated, whether TLS was on, and the raw bytes.</summary>
public sealed record SmtpSinkMessage(
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("tls")] bool Tls,
    [property: JsonPropertyName("raw")] string RawBase64)
{
    public byte[] Raw => Convert.FromBase64String(RawBase64);

    /// <summary>The raw message as one char per byte, for looking at its wire form (headers, transfer encodings).</summary>
    public string RawText => Encoding.Latin1.GetString(Raw);

    /// <summary>The message as MimeKit reads it, to look at its decoded parts.</summary>
    public MimeKit.MimeMessage ParseMime() => MimeKit.MimeMessage.Load(new MemoryStream(Raw));
}
