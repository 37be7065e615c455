using System.Text;

namespace MailRelay.Core.Domains.Adapters;

/// <summary>
/// TXT data as DoH resolvers write it: one or more quoted strings (<c>"v=spf1 ..." "... ~all"</c>),
/// which make one value when joined without spaces (RFC 7208 §3.3), or bare text from some resolvers.
/// </summary>
public static class TxtData
{
    public static string Join(string data)
    {
        var text = data.Trim();
        if (!text.StartsWith('"')) return text;
        var joined = new StringBuilder(text.Length);
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') quoted = !quoted;
            else if (c == '\\' && quoted && i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                joined.Append((char)int.Parse(text.AsSpan(i + 1, 3), System.Globalization.CultureInfo.InvariantCulture)); // \DDD
                i += 3;
            }
            else if (c == '\\' && quoted && i + 1 < text.Length) joined.Append(text[++i]);
            else if (quoted) joined.Append(c);
            // Whitespace between the strings separates them and is not part of the value.
        }
        return joined.ToString();
    }
}
