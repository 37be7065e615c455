namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// What <c>terraform validate</c> would refuse against the AWS provider's schema, checked on the
/// parsed files: a resource or data source type the provider does not have, and an argument or
/// nested block (also through <c>dynamic</c>) its type does not have, a required one that is missing,
/// and a nested block written as an argument (<c>versioning = { ... }</c>). One sentence per problem.
/// Values are not checked: that needs the provider itself.
/// </summary>
public static class TerraformSchemaChecks
{
    private static readonly HashSet<string> ResourceMetaArguments = ["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"];

    private static readonly HashSet<string> DataMetaArguments = ["count", "for_each", "depends_on", "provider", "lifecycle"];

    private static readonly HashSet<string> ProviderMetaArguments = ["alias", "version"];

    /// <summary>Terraform's built-in provider (terraform.io/builtin/terraform), which no package carries.</summary>
    private static readonly Dictionary<string, SchemaBlock> BuiltInResources = new()
    {
        ["terraform_data"] = new SchemaBlock(new HashSet<string> { "input", "triggers_replace" }, new Dictionary<string, SchemaBlock>(), new HashSet<string>()),
    };

    public static IReadOnlyList<string> All(TerraformTree tree, AwsProviderSchema schema) =>
        [.. tree.Modules.Values.OrderBy(m => m.Folder, StringComparer.Ordinal).SelectMany(m => Check(m, schema))];

    private static IEnumerable<string> Check(TerraformModule module, AwsProviderSchema schema)
    {
        foreach (var (type, name, body) in module.AllOfKind("resource"))
        {
            var where = $"{module.Folder}: resource {type}.{name}";
            if ((schema.Resources.GetValueOrDefault(type) ?? BuiltInResources.GetValueOrDefault(type)) is { } block)
            {
                foreach (var problem in Unknown(body, block, type, "", ResourceMetaArguments)) yield return $"{where}: {problem}";
            }
            else yield return $"{where}: {type} is not a resource type of {schema.Provider}{Hint(type, schema.Resources.Keys)}";
        }
        foreach (var (type, name, body) in module.AllOfKind("data"))
        {
            var where = $"{module.Folder}: data {type}.{name}";
            if (schema.DataSources.TryGetValue(type, out var block))
            {
                foreach (var problem in Unknown(body, block, type, "", DataMetaArguments)) yield return $"{where}: {problem}";
            }
            else yield return $"{where}: {type} is not a data source type of {schema.Provider}{Hint(type, schema.DataSources.Keys)}";
        }
        foreach (var (name, body) in module.Providers().Where(p => p.Name == "aws"))
        {
            foreach (var problem in Unknown(body, schema.ProviderConfig, "provider aws", "", ProviderMetaArguments))
                yield return $"{module.Folder}: provider {name}: {problem}";
        }
    }

    /// <summary>The names in <paramref name="body"/> that <paramref name="block"/> does not have, nested blocks included.</summary>
    private static IEnumerable<string> Unknown(HclBody body, SchemaBlock block, string type, string path, IReadOnlySet<string> metaArguments)
    {
        foreach (var name in body.AttributeNames)
        {
            if (metaArguments.Contains(name) || block.Attributes.Contains(name)) continue;
            if (name == "dynamic")
            {
                foreach (var problem in UnknownDynamic(body.Value(name), block, type, path)) yield return problem;
            }
            else if (block.Blocks.TryGetValue(name, out var nested))
            {
                // hcl2json writes a block as a list of bodies; `name = { ... }` is an object, which Terraform refuses for a block.
                if (body.Value(name).ValueKind != System.Text.Json.JsonValueKind.Array)
                    yield return $"{path}{name} is a nested block of {type}, written as an argument (`{name} = ...`)";
                foreach (var nestedBody in body.Blocks(name))
                foreach (var problem in Unknown(nestedBody, nested, type, $"{path}{name}.", new HashSet<string>())) yield return problem;
            }
            else yield return $"{path}{name} is not an argument or nested block of {type}{Hint(name, [.. block.Attributes, .. block.Blocks.Keys])}";
        }
        var generated = body.Has("dynamic") && body.Value("dynamic").ValueKind == System.Text.Json.JsonValueKind.Object
            ? body.Value("dynamic").EnumerateObject().Select(d => d.Name).ToHashSet()
            : [];
        foreach (var name in block.Required.Where(r => !body.Has(r) && !generated.Contains(r)).Order(StringComparer.Ordinal))
            yield return $"{path}{name} is required by {type} but not set";
    }

    /// <summary><c>dynamic "name" { for_each = ..., content { ... } }</c>: the label must be a nested block, the content its body.</summary>
    private static IEnumerable<string> UnknownDynamic(System.Text.Json.JsonElement dynamic, SchemaBlock block, string type, string path)
    {
        foreach (var generated in dynamic.EnumerateObject())
        {
            if (!block.Blocks.TryGetValue(generated.Name, out var nested))
            {
                yield return $"dynamic \"{path}{generated.Name}\" is not a nested block of {type}{Hint(generated.Name, block.Blocks.Keys)}";
                continue;
            }
            foreach (var content in generated.Value.EnumerateArray().Select(d => new HclBody(d)).SelectMany(d => d.Blocks("content")))
            foreach (var problem in Unknown(content, nested, type, $"{path}{generated.Name}.", new HashSet<string>())) yield return problem;
        }
    }

    /// <summary>" (did you mean x?)" for the closest known name within two edits, else nothing.</summary>
    private static string Hint(string name, IEnumerable<string> known)
    {
        var closest = known
            .Select(k => (Name: k, Distance: EditDistance(name, k)))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return closest.Name is null ? "" : $" (did you mean {closest.Name}?)";
    }

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return int.MaxValue;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
