using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;

namespace MailRelay.Web.Components.Shared;

/// <summary>A message as its recipient sees it: only their own deliveries, never the other recipients'.</summary>
public sealed record MyMessage(StoredMessage Message, IReadOnlyList<Delivery> Deliveries);
