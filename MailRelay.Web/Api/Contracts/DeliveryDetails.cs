using MailRelay.Core.Domain;

namespace MailRelay.Web.Api.Contracts;

/// <summary>A delivery and the events of its timeline, oldest first.</summary>
public sealed record DeliveryDetails(Delivery Delivery, IReadOnlyList<DeliveryEvent> Events);
