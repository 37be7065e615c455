using System.Text.Json;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// Parsed .tf files grouped into Terraform modules: one per folder, keyed by its path ("modules/storage",
/// "root"); and the environments' variable files, keyed by environment ("envs/prod.tfvars" is "prod").
/// </summary>
public sealed class TerraformTree
{
    private const string VariableFileSuffix = ".tfvars";

    public TerraformTree(IReadOnlyDictionary<string, JsonElement> files)
    {
        Modules = files
            .Where(f => !f.Key.EndsWith(VariableFileSuffix, StringComparison.Ordinal))
            .GroupBy(f => Folder(f.Key))
            .ToDictionary(g => g.Key, g => new TerraformModule(g.Key, g.Select(f => f.Value).ToList()));
        Environments = files
            .Where(f => f.Key.EndsWith(VariableFileSuffix, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f.Key), f => new HclBody(f.Value));
    }

    public IReadOnlyDictionary<string, TerraformModule> Modules { get; }

    /// <summary>Each environment's variable file (<c>envs/&lt;env&gt;.tfvars</c>): the inputs of the root module.</summary>
    public IReadOnlyDictionary<string, HclBody> Environments { get; }

    public HclBody Environment(string name) =>
        Environments.TryGetValue(name, out var file)
            ? file
            : throw new InvalidOperationException($"There is no infra/envs/{name}.tfvars (found: {string.Join(", ", Environments.Keys)}).");

    public TerraformModule Module(string folder) =>
        Modules.TryGetValue(folder, out var module)
            ? module
            : throw new InvalidOperationException($"There is no Terraform module in infra/{folder} (found: {string.Join(", ", Modules.Keys)}).");

    /// <summary>The module a call's <c>source</c> names, relative to the caller; null when no folder of .tf files is there.</summary>
    public TerraformModule? Resolve(TerraformModule caller, string source)
    {
        if (!source.StartsWith("./", StringComparison.Ordinal) && !source.StartsWith("../", StringComparison.Ordinal)) return null;
        var parts = new List<string>(caller.Folder.Split('/'));
        foreach (var part in source.Split('/'))
        {
            if (part is "." or "") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return Modules.GetValueOrDefault(string.Join('/', parts));
    }

    /// <summary>The module a named call of <paramref name="caller"/> uses.</summary>
    public TerraformModule Callee(TerraformModule caller, string callName) =>
        Resolve(caller, caller.ModuleCall(callName).Text("source"))
        ?? throw new InvalidOperationException($"{caller.Folder}: module \"{callName}\" has a source that does not exist.");

    private static string Folder(string file)
    {
        var slash = file.LastIndexOf('/');
        return slash < 0 ? "" : file[..slash];
    }
}
