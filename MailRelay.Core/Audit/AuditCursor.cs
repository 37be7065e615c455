using System.Globalization;
using MailRelay.Core.Common;

namespace MailRelay.Core.Audit;

/// <summary>The audit list's cursor: the sequence of the last entry listed and its UTC month (where a store keeps it).</summary>
internal static class AuditCursor
{
    private const string List = "audit";

    /// <summary>The last entry listed (sequence, yyyy-MM); null without a cursor.</summary>
    public static (long Sequence, string Month)? Position(AuditFilter filter, PageRequest page)
    {
        if (page.After is not { } after) return null;
        var key = PageCursor.Decode(after, List, filter);
        var month = key.Text("month");
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new InvalidCursorException("its 'month' is not a month");
        return (key.Number("seq"), month);
    }

    public static string After(AuditFilter filter, AuditEntry last) => PageCursor.Encode(List, filter, new Dictionary<string, string>
    {
        ["seq"] = last.Sequence.ToString(CultureInfo.InvariantCulture),
        ["month"] = last.At.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    });
}
