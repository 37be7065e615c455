using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// The AWS provider's resource types, data source types and their arguments and nested blocks, read
/// from the cache <c>emulators/aws-schema.mjs</c> builds out of the pinned <c>@cdktf/provider-aws</c>
/// (the generated bindings of one AWS provider version). The script builds the cache when it is
/// missing, so a fresh clone needs only <c>npm</c> and the registry, as for <c>npm ci</c>.
/// </summary>
public sealed partial class AwsProviderSchema
{
    /// <summary>A cold cache downloads the 34 MB package and reads 200 MB of JavaScript from it.</summary>
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private AwsProviderSchema(string provider, string package, SchemaBlock providerConfig,
        IReadOnlyDictionary<string, SchemaBlock> resources, IReadOnlyDictionary<string, SchemaBlock> dataSources)
    {
        Provider = provider;
        Package = package;
        ProviderConfig = providerConfig;
        Resources = resources;
        DataSources = dataSources;
    }

    /// <summary>The provider and version the package was generated from, e.g. "registry.terraform.io/hashicorp/aws 5.100.0".</summary>
    public string Provider { get; }

    /// <summary>The npm package and version the schema was read from.</summary>
    public string Package { get; }

    /// <summary>The <c>provider "aws"</c> block.</summary>
    public SchemaBlock ProviderConfig { get; }

    public IReadOnlyDictionary<string, SchemaBlock> Resources { get; }

    public IReadOnlyDictionary<string, SchemaBlock> DataSources { get; }

    /// <summary>The provider's major version: what a <c>~&gt; 5.0</c> constraint has to match.</summary>
    public int MajorVersion => int.Parse(Provider.Split(' ')[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

    public static Task<AwsProviderSchema> LoadAsync(CancellationToken cancellationToken) => LoadAsync(pinFile: null, cancellationToken);

    /// <summary>Reads the schema of the package <paramref name="pinFile"/> pins (emulators/package.json when null).</summary>
    public static async Task<AwsProviderSchema> LoadAsync(string? pinFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Emulators };
        start.ArgumentList.Add("aws-schema.mjs");
        if (pinFile is not null) start.ArgumentList.Add(pinFile);
        var (process, ready) = await ChildProcess.StartAsync("aws-schema", start, Ready(), BuildTimeout, cancellationToken);
        await process.DisposeAsync();

        await using var file = File.OpenRead(ready.Groups[1].Value);
        using var document = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        var root = document.RootElement;
        var definitions = root.GetProperty("blocks");
        var resolved = new Dictionary<string, SchemaBlock>();
        var resolving = new HashSet<string>();

        SchemaBlock Resolve(string id)
        {
            if (resolved.TryGetValue(id, out var known)) return known;
            // Terraform schemas do not nest a block in itself; a cycle is a misread of the package.
            if (!resolving.Add(id)) throw new InvalidOperationException($"Block {id} of {ready.Groups[1].Value} contains itself.");
            var definition = definitions.GetProperty(id);
            var block = new SchemaBlock(
                definition.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()!).ToHashSet(),
                definition.GetProperty("blocks").EnumerateObject().ToDictionary(b => b.Name, b => Resolve(b.Value.GetString()!)),
                definition.GetProperty("required").EnumerateArray().Select(a => a.GetString()!).ToHashSet());
            resolved[id] = block;
            return block;
        }

        Dictionary<string, SchemaBlock> Types(string kind) =>
            root.GetProperty(kind).EnumerateObject().ToDictionary(t => t.Name, t => Resolve(t.Value.GetString()!));

        return new AwsProviderSchema(
            root.GetProperty("provider").GetString()!, root.GetProperty("package").GetString()!,
            Resolve(root.GetProperty("providerConfig").GetString()!), Types("resources"), Types("dataSources"));
    }

    [GeneratedRegex(@"^SCHEMA (.+)$")]
    private static partial Regex Ready();
}
