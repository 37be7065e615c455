using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The mailbox contract for the local folder per user.</summary>
public sealed class LocalMailboxDeliveryContractTests : MailboxDeliveryContract
{
    private readonly TempDirectory _root = new();
    private LocalMailboxDelivery _local = null!;

    protected override Task<IMailboxDelivery> CreateDeliveryAsync() =>
        Task.FromResult<IMailboxDelivery>(_local = new LocalMailboxDelivery(_root.Path));

    protected override Task PrepareMailboxAsync(string userId) => Task.CompletedTask;

    protected override async Task<IReadOnlyList<byte[]>> MailboxAsync(string userId) =>
        await Task.WhenAll(_local.List(userId).Select(file => File.ReadAllBytesAsync(file.FullName)));

    public override Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
