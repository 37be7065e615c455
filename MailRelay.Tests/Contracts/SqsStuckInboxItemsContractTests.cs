using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// The stuck-item contract where SQS feeds intake: a notification intake cannot read stays in the
/// queue until its redrive policy moves it to the dead-letter queue (covered by
/// <see cref="SqsInboundSourceContractTests"/>), so nothing is ever listed, released or deleted here.
/// </summary>
public sealed class SqsStuckInboxItemsContractTests : StuckInboxItemsContract
{
    protected override Task<IStuckInboxItems> CreateItemsAsync() => Task.FromResult<IStuckInboxItems>(new SqsStuckInboxItems());

    /// <summary>Unreadable notifications are the dead-letter queue's, not an admin list's.</summary>
    protected override Task<string?> LeaveUnreadableItemAsync() => Task.FromResult<string?>(null);

    /// <summary>SQS items have no names this port could act on.</summary>
    protected override Task LeaveReadableItemAsync(string name) => Task.CompletedTask;
}
