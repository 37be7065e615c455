using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MailRelay.Core.Configuration;

/// <summary>
/// The values of a configuration section that the binder cannot convert to their property's type
/// ("abc" for a time span), each as a sentence naming its key and the form it expects. The binder
/// itself stops at the first one with an exception; this finds them all, so start-up can list them
/// with the validators' sentences.
/// </summary>
public static class BindingFailures
{
    public static IReadOnlyList<string> Of(IConfigurationSection section, Type type)
    {
        var failures = new List<string>();
        Collect(section, type, failures, depth: 0);
        return failures;
    }

    /// <summary>The form a value of <paramref name="type"/> must take, as the end of a sentence.</summary>
    public static string ExpectedForm(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"one of: {string.Join(", ", Enum.GetNames(type))}";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
                or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number such as 0.5",
            TypeCode.DateTime => "a date and time such as 2026-01-31T09:00:00Z",
            _ when type == typeof(TimeSpan) => "a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days)",
            _ when type == typeof(DateTimeOffset) => "a date and time such as 2026-01-31T09:00:00Z",
            _ when type == typeof(Uri) => "a URL such as https://example.com/",
            _ when type == typeof(Guid) => "a GUID such as 00000000-0000-0000-0000-000000000000",
            _ => $"a value of type {type.Name}",
        };
    }

    // Options are small trees; the limit only guards against a type that refers to itself.
    private const int MaxDepth = 8;

    private static void Collect(IConfigurationSection section, Type type, List<string> failures, int depth)
    {
        if (depth > MaxDepth) return;
        if (IsLeaf(type))
        {
            CheckLeaf(section, type, failures);
            return;
        }
        if (ElementType(type) is { } element)
        {
            foreach (var child in section.GetChildren()) Collect(child, element, failures, depth + 1);
            return;
        }
        if (!type.IsClass || type == typeof(string)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null) continue;
            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var child = section.GetSection(key);
            if (child.Value is null && !child.GetChildren().Any()) continue;
            Collect(child, property.PropertyType, failures, depth + 1);
        }
    }

    private static void CheckLeaf(IConfigurationSection section, Type type, List<string> failures)
    {
        if (section.Value is not { } value) return;
        try
        {
            // The binder's own conversion, so this agrees with what Bind would do with the value.
            section.Get(type);
        }
        catch (InvalidOperationException)
        {
            failures.Add($"{section.Path} is '{value}', which is not {ExpectedForm(type)}.");
        }
    }

    private static bool IsLeaf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying != typeof(string) && underlying != typeof(object)
            && TypeDescriptor.GetConverter(underlying).CanConvertFrom(typeof(string));
    }

    /// <summary>The element (or dictionary value) type of an array, list, set or dictionary the binder fills.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || !type.IsGenericType) return null;
        var arguments = type.GetGenericArguments();
        return arguments.Length switch
        {
            1 => arguments[0],
            2 => arguments[1],
            _ => null,
        };
    }
}
