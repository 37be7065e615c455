using System.Globalization;
using MailRelay.Core.Common;

namespace MailRelay.Core.Outbound;

/// <summary>The usage lists' cursor: the day and the user (or credential) id of the last row listed (newest day first, then by id).</summary>
internal static class UsageCursor
{
    public static (DateOnly Day, string Id)? Position(string list, DayRange range, PageRequest page)
    {
        if (page.After is not { } after) return null;
        var key = PageCursor.Decode(after, list, range);
        if (!DateOnly.TryParseExact(key.Text("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new InvalidCursorException("its 'day' is not a day");
        return (day, key.Text("id"));
    }

    public static string After(string list, DayRange range, DateOnly day, string id) => PageCursor.Encode(list, range, new Dictionary<string, string>
    {
        ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["id"] = id,
    });

    /// <summary>Rows after the position, in list order (newest day first, then by id).</summary>
    public static bool IsAfter(DateOnly day, string id, (DateOnly Day, string Id) position) =>
        day < position.Day || (day == position.Day && string.CompareOrdinal(id, position.Id) > 0);
}
