namespace MailRelay.Core.Domain;

/// <summary>A message with its deliveries, for lists.</summary>
public sealed record MessageListItem(StoredMessage Message, IReadOnlyList<Delivery> Deliveries);
