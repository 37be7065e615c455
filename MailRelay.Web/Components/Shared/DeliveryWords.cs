using MailRelay.Core.Forwarding;

namespace MailRelay.Web.Components.Shared;

/// <summary>Delivery states in plain words, for people rather than operators.</summary>
public static class DeliveryWords
{
    /// <summary>What waiting means: not delivered yet, and not given up on.</summary>
    public static readonly IReadOnlySet<DeliveryStatus> Waiting = new HashSet<DeliveryStatus>
    {
        DeliveryStatus.Pending, DeliveryStatus.Queued, DeliveryStatus.Retrying, DeliveryStatus.Held, DeliveryStatus.Failed,
    };

    public static string Meaning(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "Being delivered now.",
        DeliveryStatus.Delivered => "Delivered.",
        DeliveryStatus.Queued => "Waiting for the Gmail connection to be renewed; delivered as soon as it is.",
        DeliveryStatus.Retrying => "The mailbox did not take it this time; it is tried again automatically.",
        DeliveryStatus.Held => "Held for an administrator to look at before it is delivered.",
        DeliveryStatus.Failed => "The mailbox refused this message; an administrator can try again.",
        DeliveryStatus.Dropped => "Dropped on purpose by a route or an administrator.",
        _ => status.ToString(),
    };

    /// <summary>The status's meaning with the retry time and the last problem, when there are any.</summary>
    public static string Explain(Delivery delivery)
    {
        var text = Meaning(delivery.Status);
        if (delivery.Status == DeliveryStatus.Retrying && delivery.NextAttemptAt is { } next)
            text += $" Next try: {TimeText.Utc(next)}.";
        if (delivery.Status != DeliveryStatus.Delivered && !string.IsNullOrWhiteSpace(delivery.LastError))
            text += $" Last problem: {delivery.LastError}";
        return text;
    }
}
