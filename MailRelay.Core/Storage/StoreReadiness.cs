namespace MailRelay.Core.Storage;

/// <summary>Whether the store answers right now, for <c>/readyz</c>.</summary>
public sealed class StoreReadiness(IStoreSchema store)
{
    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => store.IsReachableAsync(cancellationToken);
}
