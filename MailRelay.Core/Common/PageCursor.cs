using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace MailRelay.Core.Common;

/// <summary>
/// Encodes and checks the opaque cursors of <see cref="Page{T}.Next"/>: base64url of a small JSON
/// <c>{"l": list, "f": filter fingerprint, "k": {key attributes}}</c>. The fingerprint ties a cursor
/// to the list and filter that made it, so it cannot be replayed on another list or filter; the keys
/// are only a position in that list (never who may read it: callers still filter on the server).
/// </summary>
internal static class PageCursor
{
    private const int MaxLength = 2048;

    /// <summary>The cursor of the position <paramref name="key"/> in <paramref name="list"/> read with <paramref name="filter"/>.</summary>
    public static string Encode(string list, object? filter, IReadOnlyDictionary<string, string> key)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Body(list, Fingerprint(filter), new(key, StringComparer.Ordinal)));
        return Base64Url.EncodeToString(json);
    }

    /// <summary>The key attributes of a cursor made by <see cref="Encode"/> for the same list and filter; otherwise <see cref="InvalidCursorException"/>.</summary>
    public static IReadOnlyDictionary<string, string> Decode(string cursor, string list, object? filter)
    {
        if (cursor.Length is 0 or > MaxLength) throw new InvalidCursorException("it is empty or too long");
        Body? body;
        try
        {
            body = JsonSerializer.Deserialize<Body>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidCursorException("it is not a cursor this server made");
        }
        if (body?.K is null || body.L != list || body.F != Fingerprint(filter))
            throw new InvalidCursorException("it belongs to another list or filter");
        return body.K;
    }

    /// <summary>A numeric key attribute of a decoded cursor; a missing or non-numeric one makes the cursor invalid.</summary>
    public static long Number(this IReadOnlyDictionary<string, string> key, string name) =>
        key.TryGetValue(name, out var text) && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : throw new InvalidCursorException($"its '{name}' is missing");

    /// <summary>A text key attribute of a decoded cursor; a missing one makes the cursor invalid.</summary>
    public static string Text(this IReadOnlyDictionary<string, string> key, string name) =>
        key.TryGetValue(name, out var text) ? text : throw new InvalidCursorException($"its '{name}' is missing");

    private static string Fingerprint(object? filter) =>
        Convert.ToHexString(SHA256.HashData(filter is null ? [] : JsonSerializer.SerializeToUtf8Bytes(filter, filter.GetType())), 0, 6);

    private sealed record Body(string L, string F, Dictionary<string, string> K);
}
