using System.Text;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>The canonical forms of SigV4: URI-encoding, path, query string and headers.</summary>
internal static class SigV4Canonical
{
    /// <summary>
    /// Every service but S3 normalises the path (RFC 3986 dot segments, empty segments) and encodes
    /// each segment of the path <em>as sent</em>, so a <c>%20</c> on the wire signs as <c>%2520</c>
    /// ("double encoding"). S3 signs the decoded path encoded once, without normalising.
    /// </summary>
    public static string Path(string path, bool isS3)
    {
        if (path.Length == 0) return "/";
        var raw = path.Split('/');
        var segments = isS3 ? raw.Skip(1).Select(Uri.UnescapeDataString).ToList() : Normalize(raw);
        var canonical = "/" + string.Join('/', segments.Select(s => UriEncode(s)));
        // A normalised path keeps a trailing slash ("/example/" or "/a/b/.." → "/a/").
        var trailing = !isS3 && segments.Count > 0 && raw[^1] is "" or "." or "..";
        return trailing ? canonical + "/" : canonical;
    }

    private static List<string> Normalize(string[] raw)
    {
        var segments = new List<string>();
        foreach (var segment in raw)
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return segments;
    }

    /// <summary>Parameters decoded, then each name and value encoded, sorted by name then value (ordinal).</summary>
    public static string Query(string query)
    {
        if (query.StartsWith('?')) query = query[1..];
        if (query.Length == 0) return "";
        return string.Join('&', query.Split('&')
            .Where(p => p.Length > 0)
            .Select(p =>
            {
                var eq = p.IndexOf('=');
                var name = eq < 0 ? p : p[..eq];
                var value = eq < 0 ? "" : p[(eq + 1)..];
                // '+' stays a plus: AWS does not read it as a space.
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>Names lower-cased and sorted; values trimmed with inner runs of spaces collapsed; repeats joined by commas in order.</summary>
    public static (string Headers, string SignedHeaders) Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var grouped = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => CollapseSpaces(h.Value)))))
            .ToList();
        var canonical = new StringBuilder();
        foreach (var (name, value) in grouped) canonical.Append(name).Append(':').Append(value).Append('\n');
        return (canonical.ToString(), string.Join(';', grouped.Select(h => h.Name)));
    }

    private static string CollapseSpaces(string value)
    {
        var result = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.Trim())
        {
            var isSpace = c is ' ' or '\t' or '\r' or '\n';
            if (isSpace && previousSpace) continue;
            result.Append(isSpace ? ' ' : c);
            previousSpace = isSpace;
        }
        return result.ToString();
    }

    /// <summary>RFC 3986 encoding as AWS wants it: unreserved characters kept, every other UTF-8 byte as upper-case %XX.</summary>
    public static string UriEncode(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                result.Append((char)b);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }
}
