using MailRelay.Core.Cluster;
using MailRelay.Core.Cluster.Adapters;

namespace MailRelay.Tests.Contracts.Cluster;

public sealed class InProcessRelayChangeFeedContractTests : RelayChangeFeedContract
{
    protected override Task<IRelayChangeFeed> CreateFeedAsync() => Task.FromResult<IRelayChangeFeed>(new InProcessRelayChangeFeed());
}
