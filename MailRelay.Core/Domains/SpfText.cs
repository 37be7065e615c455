
namespace MailRelay.Core.Domains;

/// <summary>Reading SPF records: which TXT values are SPF, and their terms.</summary>
public static class SpfText
{
    public static bool IsSpf(string txt) =>
        txt.Trim().Equals("v=spf1", StringComparison.OrdinalIgnoreCase) || txt.TrimStart().StartsWith("v=spf1 ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The terms after <c>v=spf1</c>.</summary>
    public static IEnumerable<string> Terms(string record) =>
        record.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1);

    public static bool AuthorizesSes(string record) =>
        Terms(record).Any(t => t.TrimStart('+').Equals("include:amazonses.com", StringComparison.OrdinalIgnoreCase));
}
