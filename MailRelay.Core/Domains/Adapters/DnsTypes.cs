
namespace MailRelay.Core.Domains.Adapters;

/// <summary>Record type numbers and response codes of the DNS JSON answers.</summary>
internal static class DnsTypes
{
    public const int Txt = 16;

    public static int Number(string type) => type.ToUpperInvariant() switch
    {
        "A" => 1,
        "CNAME" => 5,
        "MX" => 15,
        "TXT" => Txt,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only A, CNAME, MX and TXT are looked up."),
    };

    /// <summary>Host names (CNAME targets, "10 host." MX data) lower-cased without the root dot.</summary>
    public static string Host(string data) => data.Trim().TrimEnd('.').ToLowerInvariant();

    public static string ResponseCode(int status) => status switch
    {
        1 => "FORMERR",
        2 => "SERVFAIL",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => $"status {status}",
    };
}
