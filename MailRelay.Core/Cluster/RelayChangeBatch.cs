using MailRelay.Core.Common;

namespace MailRelay.Core.Cluster;

/// <summary>One append to the <see cref="IRelayChangeFeed"/>: <see cref="Id"/> is unique in the feed.</summary>
public sealed record RelayChangeBatch(string Id, string Origin, DateTimeOffset At, IReadOnlyList<RelayChange> Changes);
