using MailRelay.Core.Domain;

namespace MailRelay.Web.Api.Contracts;

/// <summary>One message as the Queues page's details show it: its summary and verdicts, and each delivery with its timeline.</summary>
public sealed record MessageDetails(StoredMessage Message, IReadOnlyList<DeliveryDetails> Deliveries);
