using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>
/// Decodes a header value for display with MimeKit, except for RFC 2047 encoded words that cannot
/// be decoded as written: MimeKit decodes even those, leniently and silently (it skips bad base64,
/// keeps bad hex, guesses an unknown charset), so they are found here and shown as written instead.
/// </summary>
internal static partial class HeaderValueDecoder
{
    /// <summary>The value, unfolded and decoded; <paramref name="hadBrokenWord"/> says whether a word had to be left as written.</summary>
    public static string Decode(Header header, out bool hadBrokenWord)
    {
        var raw = header.RawValue;
        // Encoded words are ASCII; Latin-1 maps each byte to one char, so indexes stay byte offsets.
        var broken = EncodedWord().Matches(Encoding.Latin1.GetString(raw)).Where(w => !IsDecodable(w)).ToList();
        hadBrokenWord = broken.Count > 0;
        if (!hadBrokenWord) return header.Value;

        var text = new StringBuilder(raw.Length);
        var decodedUpTo = 0;
        foreach (var word in broken)
        {
            text.Append(Rfc2047.DecodeText(ParserOptions.Default, raw, decodedUpTo, word.Index - decodedUpTo))
                .Append(SummaryText.AsWritten(raw[word.Index..(word.Index + word.Length)]));
            decodedUpTo = word.Index + word.Length;
        }
        text.Append(Rfc2047.DecodeText(ParserOptions.Default, raw, decodedUpTo, raw.Length - decodedUpTo));
        return Header.Unfold(text.ToString());
    }

    private static bool IsDecodable(Match word)
    {
        var text = word.Groups["text"].ValueSpan;
        var payloadIsValid = char.ToUpperInvariant(word.Groups["encoding"].Value[0]) switch
        {
            'B' => System.Buffers.Text.Base64.IsValid(text) && text.Length % 4 == 0,
            'Q' => QText().IsMatch(text),
            _ => false,
        };
        return payloadIsValid && IsKnownCharset(word.Groups["charset"].Value);
    }

    private static bool IsKnownCharset(string name)
    {
        if (name.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            Encoding.GetEncoding(name);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary><c>=?charset[*language]?encoding?text?=</c>, whatever the encoding letter; RFC 2047 allows only B and Q.</summary>
    [GeneratedRegex(@"=\?(?<charset>[^?*\s]+)(?:\*[^?\s]*)?\?(?<encoding>[^?\s])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    /// <summary>RFC 2047 "Q": printable ASCII but "=", "?" and space, or "=" and two hex digits.</summary>
    [GeneratedRegex(@"^(?:[!-<>@-~]|=[0-9A-Fa-f]{2})*$")]
    private static partial Regex QText();
}
