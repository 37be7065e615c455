using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;

namespace MailRelay.Core.Queues;

/// <summary>A message with its deliveries, for lists.</summary>
public sealed record MessageListItem(StoredMessage Message, IReadOnlyList<Delivery> Deliveries);
