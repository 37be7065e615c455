namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// The AWS provider's schema for a test class. Read once per test run, whichever class asks first:
/// on a cold cache that is a 34 MB download, which two classes starting together should not do twice.
/// </summary>
public sealed class AwsProviderSchemaFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<AwsProviderSchema>> Shared = new(() => AwsProviderSchema.LoadAsync(CancellationToken.None));

    private AwsProviderSchema? _schema;

    public AwsProviderSchema Schema => _schema ?? throw new InvalidOperationException("The AWS provider schema has not been read yet.");

    public async Task InitializeAsync() => _schema = await Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask;
}
