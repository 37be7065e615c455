using System.Text.Json;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// The blocks of one Terraform module (a folder), from hcl2json's shape: every block is a list of
/// bodies, expressions are strings like <c>"${var.name}"</c>, literals keep their JSON type.
/// </summary>
public sealed class TerraformModule
{
    private readonly IReadOnlyList<JsonElement> _files;

    public TerraformModule(string folder, IReadOnlyList<JsonElement> files)
    {
        Folder = folder;
        _files = files;
        Variables = Named("variable");
        ModuleCalls = Named("module");
        Outputs = Named("output");
        Locals = _files
            .Where(f => f.TryGetProperty("locals", out _))
            .SelectMany(f => f.GetProperty("locals").EnumerateArray())
            .SelectMany(body => body.EnumerateObject())
            .ToDictionary(p => p.Name, p => p.Value);
    }

    public string Folder { get; }

    public IReadOnlyDictionary<string, HclBody> Variables { get; }

    public IReadOnlyDictionary<string, HclBody> ModuleCalls { get; }

    public IReadOnlyDictionary<string, HclBody> Outputs { get; }

    public IReadOnlyDictionary<string, JsonElement> Locals { get; }

    public HclBody ModuleCall(string name) =>
        ModuleCalls.TryGetValue(name, out var call) ? call : throw new InvalidOperationException($"{Folder}: no module \"{name}\".");

    /// <summary>Every resource (or data source, with <paramref name="kind"/> "data") of a type.</summary>
    public IReadOnlyList<(string Name, HclBody Body)> All(string type, string kind = "resource") =>
        _files
            .Where(f => f.TryGetProperty(kind, out var blocks) && blocks.TryGetProperty(type, out _))
            .SelectMany(f => f.GetProperty(kind).GetProperty(type).EnumerateObject())
            .Select(r => (r.Name, new HclBody(r.Value[0])))
            .ToList();

    /// <summary>Every resource (or data source, with <paramref name="kind"/> "data") of every type.</summary>
    public IReadOnlyList<(string Type, string Name, HclBody Body)> AllOfKind(string kind = "resource") =>
        _files
            .Where(f => f.TryGetProperty(kind, out _))
            .SelectMany(f => f.GetProperty(kind).EnumerateObject())
            .SelectMany(t => t.Value.EnumerateObject().Select(r => (t.Name, r.Name, new HclBody(r.Value[0]))))
            .ToList();

    /// <summary>Every <c>moved</c> block: state addresses that changed and are kept.</summary>
    public IReadOnlyList<HclBody> Moved =>
        _files
            .Where(f => f.TryGetProperty("moved", out _))
            .SelectMany(f => f.GetProperty("moved").EnumerateArray())
            .Select(body => new HclBody(body))
            .ToList();

    /// <summary>Every <c>provider</c> block (one per alias), by provider name.</summary>
    public IReadOnlyList<(string Name, HclBody Body)> Providers() =>
        _files
            .Where(f => f.TryGetProperty("provider", out _))
            .SelectMany(f => f.GetProperty("provider").EnumerateObject())
            .SelectMany(p => p.Value.EnumerateArray().Select(body => (p.Name, new HclBody(body))))
            .ToList();

    public HclBody Resource(string type, string name, string kind = "resource") =>
        All(type, kind).Where(r => r.Name == name).Select(r => r.Body).FirstOrDefault()
        ?? throw new InvalidOperationException($"{Folder}: no {kind} {type}.{name}.");

    /// <summary>The version constraint of a provider in <c>terraform { required_providers { ... } }</c>; null when not declared here.</summary>
    public string? RequiredProviderVersion(string name) =>
        _files
            .Where(f => f.TryGetProperty("terraform", out _))
            .SelectMany(f => f.GetProperty("terraform").EnumerateArray())
            .Select(t => new HclBody(t))
            .SelectMany(t => t.Blocks("required_providers"))
            .Where(r => r.Has(name) && r.Value(name).ValueKind == JsonValueKind.Object && r.Value(name).TryGetProperty("version", out _))
            .Select(r => r.Value(name).GetProperty("version").GetString())
            .FirstOrDefault();

    /// <summary>Every string in the module: where the references are.</summary>
    public IEnumerable<string> Strings() =>
        _files.SelectMany(f => f.EnumerateObject().SelectMany(p => HclBody.StringsIn(p.Value)));

    private Dictionary<string, HclBody> Named(string kind) =>
        _files
            .Where(f => f.TryGetProperty(kind, out _))
            .SelectMany(f => f.GetProperty(kind).EnumerateObject())
            .ToDictionary(b => b.Name, b => new HclBody(b.Value[0]));
}
