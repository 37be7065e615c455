using System.Globalization;
using MailRelay.Core.Common;

namespace MailRelay.Core.Smtp;

/// <summary>The SMTP user list's cursor: when the last listed one was created (UTC ticks) and its id (newest first, then the greater id).</summary>
internal static class SmtpUserCursor
{
    private const string List = "smtp-users";

    public static (DateTimeOffset CreatedAt, string Id)? Position(SmtpUserQuery query)
    {
        if (query.After is not { } after) return null;
        var key = PageCursor.Decode(after, List, Filter(query));
        var ticks = key.Number("created");
        if (ticks > DateTimeOffset.MaxValue.UtcTicks) throw new InvalidCursorException("its 'created' is not a time");
        return (new DateTimeOffset(ticks, TimeSpan.Zero), key.Text("id"));
    }

    /// <summary>What a cursor is tied to: the filter, not the paging.</summary>
    private static object Filter(SmtpUserQuery query) => new { query.Search, query.Status };

    public static string After(SmtpUserQuery query, SmtpUser last) => PageCursor.Encode(List, Filter(query), new Dictionary<string, string>
    {
        ["created"] = last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ["id"] = last.Id,
    });
}
