using System.Text;
using System.Text.RegularExpressions;
using MailRelay.Core.Services.Mime;

namespace MailRelay.Core.Adapters.Local;

/// <summary>
/// Finds the first text/plain and text/html parts of a message and decodes them (base64 or
/// quoted-printable, then the part's charset). Enough for the emails MailRelay writes itself;
/// MimeKit is not in our registry. The message is given as Latin-1 text: one char per byte.
/// </summary>
internal static partial class MimeAlternatives
{
    private const int MaxDepth = 4;

    public static (string? Text, string? Html) Extract(string raw)
    {
        string? text = null, html = null;
        var (headers, body) = Split(raw.Replace("\r\n", "\n", StringComparison.Ordinal));
        Visit(headers, body, 0, ref text, ref html);
        return (text, html);
    }

    private static void Visit(Dictionary<string, string> headers, string body, int depth, ref string? text, ref string? html)
    {
        var contentType = headers.GetValueOrDefault("content-type") ?? "text/plain";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            if (depth >= MaxDepth || Parameter(contentType, "boundary") is not { Length: > 0 } boundary) return;
            foreach (var part in Parts(body, boundary))
            {
                var (partHeaders, partBody) = Split(part);
                Visit(partHeaders, partBody, depth + 1, ref text, ref html);
            }
            return;
        }
        if (mediaType == "text/plain") text ??= Decode(headers, contentType, body);
        else if (mediaType == "text/html") html ??= Decode(headers, contentType, body);
    }

    /// <summary>Header fields (names lower-cased, folded lines joined) and the body after the blank line.</summary>
    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        var end = entity.StartsWith('\n') ? 0 : entity.IndexOf("\n\n", StringComparison.Ordinal);
        var block = end < 0 ? entity : entity[..end];
        var body = end < 0 ? "" : entity[(end + (end == 0 ? 1 : 2))..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in block.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null) { headers[last] += " " + line.Trim(); continue; }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            last = headers.TryAdd(name, line[(colon + 1)..].Trim()) ? name : null; // a repeated field: the first counts
        }
        return (headers, body);
    }

    private static IEnumerable<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        StringBuilder? part = null;
        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter + "--") break;
            if (trimmed == delimiter)
            {
                if (part is not null) yield return part.ToString();
                part = new StringBuilder();
                continue;
            }
            part?.Append(line).Append('\n');
        }
        if (part is not null) yield return part.ToString();
    }

    private static string Decode(Dictionary<string, string> headers, string contentType, string body)
    {
        var transfer = headers.GetValueOrDefault("content-transfer-encoding")?.Trim().ToLowerInvariant();
        var bytes = transfer switch
        {
            "base64" => Base64(body),
            "quoted-printable" => QuotedPrintable(body),
            _ => Encoding.Latin1.GetBytes(body),
        };
        var charset = Parameter(contentType, "charset");
        var encoding = (charset is null ? null : MailCharsets.Find(charset)) ?? Encoding.UTF8;
        return encoding.GetString(bytes).TrimEnd('\n');
    }

    private static byte[] Base64(string body)
    {
        try { return Convert.FromBase64String(Whitespace().Replace(body, "")); }
        catch (FormatException) { return Encoding.Latin1.GetBytes(body); }
    }

    private static byte[] QuotedPrintable(string body)
    {
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '=') { bytes.Add((byte)c); continue; }
            if (i + 1 < body.Length && body[i + 1] == '\n') { i++; continue; } // soft line break
            if (i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
            {
                bytes.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            bytes.Add((byte)c);
        }
        return [.. bytes];
    }

    private static string? Parameter(string headerValue, string name)
    {
        foreach (Match match in ParameterPattern().Matches(headerValue))
        {
            if (match.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
                return match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["plain"].Value;
        }
        return null;
    }

    [GeneratedRegex(""";\s*(?<name>[A-Za-z0-9_\-]+)\s*=\s*(?:"(?<quoted>[^"]*)"|(?<plain>[^;\s]*))""")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
