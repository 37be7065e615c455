using System.Text.Json;
using System.Text.Json.Nodes;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>The schema is read only from the tarball package.json pins.</summary>
public sealed class AwsProviderSchemaTests
{
    [Fact]
    public async Task LoadAsync_TarballNotMatchingThePinnedIntegrity_FailsAndCachesNothing()
    {
        using var folder = new TempDirectory();
        var pins = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Emulators, "package.json")))!;
        var pin = pins["awsProviderSchema"]!;
        pin["integrity"] = "sha512-" + Convert.ToBase64String(new byte[64]);
        var pinFile = Path.Combine(folder.Path, "pins.json");
        await File.WriteAllTextAsync(pinFile, pins.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => AwsProviderSchema.LoadAsync(pinFile, CancellationToken.None));

        error.Message.ShouldContain($"cdktf-provider-aws-{pin["version"]}.tgz has integrity sha512-");
        error.Message.ShouldContain($"but pins.json pins {pin["integrity"]}");
        Directory.Exists(Path.Combine(folder.Path, ".cache")).ShouldBeFalse();
    }
}
