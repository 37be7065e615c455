
namespace MailRelay.Core.Inbound;

/// <summary>What an inbox item's name may be when it comes from a request: a plain file name, never a path.</summary>
public static class InboxItemName
{
    /// <summary>A file name of the inbox: ends in .eml, no directory part, no "..", no characters a path would read specially.</summary>
    public static bool IsPlain(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 255 && name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase)
        && name == Path.GetFileName(name) && !name.Contains("..", StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
}
