using System.Text.Json;

namespace MailRelay.Tests.Infrastructure;

/// <summary>One block's body as hcl2json writes it: nested blocks are arrays of bodies.</summary>
public sealed class HclBody(JsonElement element)
{
    public JsonElement Element { get; } = element;

    public IEnumerable<string> AttributeNames => Element.EnumerateObject().Select(p => p.Name);

    public bool Has(string name) => Element.TryGetProperty(name, out _);

    public JsonElement Value(string name) =>
        Element.TryGetProperty(name, out var value) ? value : throw new InvalidOperationException($"No attribute or block '{name}' in {Element}.");

    /// <summary>A string attribute (an expression is its <c>${...}</c> text).</summary>
    public string Text(string name) => Value(name).ValueKind == JsonValueKind.String
        ? Value(name).GetString()!
        : throw new InvalidOperationException($"'{name}' is {Value(name).ValueKind}, not a string, in {Element}.");

    /// <summary>A literal boolean attribute; null when it is an expression or absent.</summary>
    public bool? Bool(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public IReadOnlyList<string> Texts(string name) => Value(name).EnumerateArray().Select(v => v.GetString()!).ToList();

    /// <summary>The first (usually only) nested block of that type.</summary>
    public HclBody Block(string name) => Blocks(name).FirstOrDefault()
        ?? throw new InvalidOperationException($"No '{name}' block in {Element}.");

    public IReadOnlyList<HclBody> Blocks(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(v => new HclBody(v)).ToList()
            : [];

    public static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsIn(p.Value)),
        _ => [],
    };

    public override string ToString() => Element.ToString();
}
