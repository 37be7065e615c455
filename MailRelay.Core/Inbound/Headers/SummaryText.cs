using System.Text;
using System.Text.Unicode;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>Header text made safe to show on one line.</summary>
internal static class SummaryText
{
    /// <summary>
    /// Replaces control characters (folding tabs, NUL, a bare CR, C1 bytes read as Latin-1, a line
    /// break decoded out of an encoded word) by spaces and trims, so a summary never spans lines.
    /// </summary>
    public static string Flatten(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')) return text.Trim();
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }).Trim();
    }

    /// <summary>Raw header bytes as written: UTF-8 when they are valid UTF-8, else Latin-1, which cannot fail.</summary>
    public static string AsWritten(byte[] raw) =>
        Utf8.IsValid(raw) ? Encoding.UTF8.GetString(raw) : Encoding.Latin1.GetString(raw);

    /// <summary>At most <paramref name="maxChars"/> characters of the first line of <paramref name="text"/>, for quoting in a problem.</summary>
    public static string Excerpt(string text, int maxChars)
    {
        var lineBreak = text.IndexOfAny(['\r', '\n']);
        var line = Flatten(lineBreak >= 0 ? text[..lineBreak] : text);
        return line.Length <= maxChars ? line : string.Concat(line.AsSpan(0, maxChars).TrimEnd(), "…");
    }
}
