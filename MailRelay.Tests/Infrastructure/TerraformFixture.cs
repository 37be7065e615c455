namespace MailRelay.Tests.Infrastructure;

/// <summary>infra/ parsed once for a test class (one node run).</summary>
public sealed class TerraformFixture : IAsyncLifetime
{
    private TerraformTree? _tree;

    public TerraformTree Tree => _tree ?? throw new InvalidOperationException("infra/ has not been parsed yet.");

    public async Task InitializeAsync() => _tree = await TerraformParser.ParseAsync(TerraformParser.InfraRoot, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}
