using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace MailRelay.Tests.Contracts;

public sealed class DataProtectionSecretProtectorContractTests : SecretProtectorContract
{
    private readonly TempDirectory _keys = new();

    protected override Task<ISecretProtector> CreateProtectorAsync() =>
        Task.FromResult<ISecretProtector>(new DataProtectionSecretProtector(DataProtectionProvider.Create(new DirectoryInfo(_keys.Path))));

    public override Task DisposeAsync()
    {
        _keys.Dispose();
        return Task.CompletedTask;
    }
}
