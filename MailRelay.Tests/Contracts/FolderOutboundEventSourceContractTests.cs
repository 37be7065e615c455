using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Contracts;

/// <summary>The outbound events contract for the local folder of JSON files.</summary>
public sealed class FolderOutboundEventSourceContractTests : OutboundEventSourceContract
{
    private readonly TempDirectory _folder = new();

    /// <summary>A file stays until it is acknowledged (deleted): the next receive returns it again.</summary>
    protected override TimeSpan RedeliveryAfter => TimeSpan.Zero;

    protected override Task<IOutboundEventSource> CreateSourceAsync() =>
        Task.FromResult<IOutboundEventSource>(new FolderOutboundEventSource(_folder.Path, Clock, NullLogger<FolderOutboundEventSource>.Instance));

    protected override Task PutAsync(string body) =>
        File.WriteAllTextAsync(Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.json"), body);

    protected override async Task<IReadOnlyList<string>> WaitingBodiesAsync() =>
        await Task.WhenAll(Directory.GetFiles(_folder.Path, "*.json").Select(file => File.ReadAllTextAsync(file)));

    protected override async Task ShouldBeKeptForAnAdminAsync(string body)
    {
        var rejected = Directory.GetFiles(Path.Combine(_folder.Path, FolderOutboundEventSource.RejectedFolder));
        (await File.ReadAllTextAsync(rejected.ShouldHaveSingleItem())).ShouldBe(body);
    }

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
