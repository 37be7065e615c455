using MailRelay.Core.Forwarding;

namespace MailRelay.Core.Queues;

/// <summary>Filters of the admin message list; null means any.</summary>
public sealed record MessageFilter(string? UserId = null, DeliveryStatus? Status = null, string? Text = null);
