using System.Collections.Concurrent;
using System.Text;

namespace MailRelay.Core.Services.Mime;

/// <summary>Finds the <see cref="Encoding"/> for a MIME charset name, or null when .NET does not know it.</summary>
internal static class MailCharsets
{
    // Charset names come from senders; remember only a bounded number so junk cannot grow the cache.
    private const int MaxRemembered = 128;
    private static readonly ConcurrentDictionary<string, Encoding?> Remembered = new(StringComparer.OrdinalIgnoreCase);

    public static Encoding? Find(string name)
    {
        if (Remembered.TryGetValue(name, out var known)) return known;
        var found = Lookup(name);
        if (Remembered.Count < MaxRemembered) Remembered.TryAdd(name, found);
        return found;
    }

    private static Encoding? Lookup(string name)
    {
        if (name.Length == 0) return null;
        if (name.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return Encoding.UTF8;

        // System.Text.Encoding.CodePages ships in the .NET shared framework, so windows-1252, koi8-r,
        // gb2312, shift_jis and the like need no package. It is asked directly rather than registered
        // with Encoding.RegisterProvider, which would change process-wide state.
        var codePage = CodePagesEncodingProvider.Instance.GetEncoding(name);
        if (codePage is not null) return codePage;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
