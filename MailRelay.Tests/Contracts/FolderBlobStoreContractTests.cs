using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

public sealed class FolderBlobStoreContractTests : BlobStoreContract
{
    private readonly TempDirectory _directory = new();

    protected override Task<IBlobStore> CreateStoreAsync() =>
        Task.FromResult<IBlobStore>(new FolderBlobStore(Path.Combine(_directory.Path, "blobs")));

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
