using System.Text;

namespace MailRelay.Core.Domains;

/// <summary>
/// The records as a BIND zone-file snippet (<c>name. TTL IN TYPE value</c>) to paste into a DNS
/// provider's import. Records that configuration cannot compute yet are comments naming the setting.
/// </summary>
public static class ZoneFile
{
    /// <summary>One TXT character-string holds at most 255 bytes (RFC 1035 §3.3).</summary>
    public const int MaxStringLength = 255;

    public static string Build(IEnumerable<ExpectedRecord> records, int ttl)
    {
        var text = new StringBuilder();
        foreach (var group in records.GroupBy(r => r.Domain))
        {
            text.Append("; MailRelay records for ").Append(group.Key).Append('\n');
            foreach (var record in group)
            {
                text.Append(record.Value is null
                    ? $"; {record.Name} {record.Type}: configure {record.MissingSetting}"
                    : $"{record.Name}. {ttl} IN {record.Type} {Rdata(record)}");
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Rdata(ExpectedRecord record) => record.Type switch
    {
        "TXT" => Quote(record.Value!),
        "CNAME" => record.Value + ".",
        "MX" => record.Value + ".",
        _ => record.Value!,
    };

    /// <summary>Quoted strings of at most 255 bytes each; a long value (a DKIM key, a long SPF) becomes several.</summary>
    public static string Quote(string value)
    {
        var chunks = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var start = 0; start < bytes.Length || chunks.Count == 0; start += MaxStringLength)
        {
            var part = Encoding.UTF8.GetString(bytes, start, Math.Min(MaxStringLength, bytes.Length - start));
            chunks.Add("\"" + part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }
        return string.Join(' ', chunks);
    }
}
