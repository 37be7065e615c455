
namespace MailRelay.Core.Domains;

/// <summary>The <c>tag=value; tag=value</c> lists of DMARC, MTA-STS and TLS-RPT records.</summary>
public static class Tags
{
    public static Dictionary<string, string> Parse(string record) =>
        Split(record).Select(t => t.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());

    /// <summary>Spacing and a trailing semicolon do not change a record's meaning.</summary>
    public static string Normalize(string record) =>
        string.Join("; ", Split(record).Select(t => string.Join('=', t.Split('=', 2).Select(p => p.Trim()))));

    private static IEnumerable<string> Split(string record) =>
        record.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
