using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// Reads every .tf file under a folder with Terraform's own HCL parser (<c>@cdktf/hcl2json</c>,
/// run by <c>emulators/hcl2json.mjs</c>): no Terraform binary is installed here. A file that does
/// not parse fails the caller with the parser's message.
/// </summary>
public static partial class TerraformParser
{
    public static string InfraRoot => Path.Combine(RepositoryPaths.Root, "infra");

    public static async Task<TerraformTree> ParseAsync(string folder, CancellationToken cancellationToken)
    {
        var emulators = RepositoryPaths.Emulators;
        if (!Directory.Exists(Path.Combine(emulators, "node_modules", "@cdktf", "hcl2json")))
        {
            throw new InvalidOperationException(
                $"@cdktf/hcl2json is not installed in {emulators}/node_modules: run ./test.sh (it runs `npm ci` there).");
        }
        using var output = new TempDirectory();
        var json = Path.Combine(output.Path, "terraform.json");
        var start = new ProcessStartInfo("node") { WorkingDirectory = emulators };
        foreach (var argument in new[] { "hcl2json.mjs", folder, json }) start.ArgumentList.Add(argument);
        var (process, _) = await ChildProcess.StartAsync("hcl2json", start, Parsed(), TimeSpan.FromSeconds(60), cancellationToken);
        await process.DisposeAsync();

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, cancellationToken));
        var files = document.RootElement.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.Clone());
        return new TerraformTree(files);
    }

    [GeneratedRegex(@"^PARSED \d+$")]
    private static partial Regex Parsed();
}
