using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace MailRelay.Core.Infrastructure.DynamoDb;

/// <summary>
/// Attribute values as the store writes and reads them. Times are fixed-width round-trip UTC text,
/// so they sort and compare as strings in key and filter expressions. Null values are left out of
/// the item (DynamoDB has no empty strings in keys and "absent" reads back as null).
/// </summary>
internal static class DynamoDbValues
{
    /// <summary>
    /// Text fields that come from outside (subjects, headers, errors) are cut to this many characters,
    /// so a hostile header can never push an item past DynamoDB's 400 KB limit. Blobs never go into the store.
    /// </summary>
    public const int MaxTextLength = 8_192;

    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Padded(long value) => value.ToString("D19", CultureInfo.InvariantCulture);

    public static string? Clip(string? text) => text is null || text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue T(DateTimeOffset value) => S(Time(value));

    public static AttributeValue B(bool value) => new() { BOOL = value };

    /// <summary>Adds the attribute unless the value is null.</summary>
    public static Dictionary<string, AttributeValue> With(this Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null) item[name] = S(value);
        return item;
    }

    public static Dictionary<string, AttributeValue> Also(this Dictionary<string, AttributeValue> item, string name, AttributeValue value)
    {
        item[name] = value;
        return item;
    }

    public static Dictionary<string, AttributeValue> With(this Dictionary<string, AttributeValue> item, string name, DateTimeOffset? value)
    {
        if (value is { } v) item[name] = T(v);
        return item;
    }

    public static string Str(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.S is not null ? v.S : throw new InvalidDataException($"Item attribute {name} is missing.");

    public static string? OptStr(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) ? v.S : null;

    public static long Num(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is not null ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0;

    public static int Int(this Dictionary<string, AttributeValue> item, string name) => checked((int)item.Num(name));

    public static bool Bool(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.BOOL == true;

    public static DateTimeOffset Time(this Dictionary<string, AttributeValue> item, string name) => ParseTime(item.Str(name));

    public static DateTimeOffset? OptTime(this Dictionary<string, AttributeValue> item, string name) =>
        item.OptStr(name) is { } text ? ParseTime(text) : null;

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static T Enum<T>(this Dictionary<string, AttributeValue> item, string name) where T : struct, System.Enum =>
        System.Enum.Parse<T>(item.Str(name));
}
