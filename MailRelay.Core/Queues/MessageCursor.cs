using System.Globalization;
using MailRelay.Core.Common;

namespace MailRelay.Core.Queues;

/// <summary>The message list's cursor: the sequence of the last message listed (the list is newest first, by sequence).</summary>
internal static class MessageCursor
{
    private const string List = "messages";

    /// <summary>The page continues below this sequence; null without a cursor.</summary>
    public static long? Before(MessageFilter filter, PageRequest page) =>
        page.After is { } after ? PageCursor.Decode(after, List, filter).Number("seq") : null;

    public static string After(MessageFilter filter, long sequence) =>
        PageCursor.Encode(List, filter, new Dictionary<string, string> { ["seq"] = sequence.ToString(CultureInfo.InvariantCulture) });
}
