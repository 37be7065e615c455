namespace MailRelay.Core.Ports;

/// <summary>
/// Everything MailRelay remembers, as one store per technology (Local: SQLite; AWS: DynamoDB) that
/// implements every per-aggregate port. Code that needs the store asks for the port of its
/// aggregate (<see cref="IMessageStore"/>, <see cref="IDeliveryStore"/>, ...), not for this.
/// </summary>
public interface IRelayStore : IUserStore, IAuditStore, IMessageStore, IDeliveryStore, IRouteStore, IGmailConnectionStore,
    ISmtpUserStore, IUsageStore, IMetricPointStore, IDomainStore
{
    /// <summary>Brings the schema up to date. Called once at start; safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Answers whether the store can be reached right now (for <c>/readyz</c>).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
