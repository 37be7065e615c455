namespace MailRelay.Core.Forwarding;

public enum DeliveryStatus
{
    /// <summary>Due for an attempt now.</summary>
    Pending,
    Delivered,
    /// <summary>Waiting for the user to reconnect Gmail; nothing is attempted until then.</summary>
    Queued,
    /// <summary>A transient failure; the next attempt is at <see cref="Delivery.NextAttemptAt"/>.</summary>
    Retrying,
    /// <summary>Kept for an admin: unroutable, virus, or a route that says hold.</summary>
    Held,
    /// <summary>The message itself was refused (too large, invalid); retryable by hand.</summary>
    Failed,
    /// <summary>A route said drop. Recorded so nothing disappears without a trace.</summary>
    Dropped,
}
