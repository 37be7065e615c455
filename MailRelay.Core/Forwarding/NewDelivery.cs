namespace MailRelay.Core.Forwarding;

/// <summary>A delivery decided by routing at intake, before the store has numbered it.</summary>
public sealed record NewDelivery(string Recipient, string? UserId, DeliveryTarget Target, DeliveryStatus Status, bool MarkAsSpam, string? Note)
{
    /// <summary>What makes a delivery unique within its message: the user and mailbox, or the recipient when there is no user.</summary>
    public string TargetKey => UserId is null ? "~" + Recipient : $"{UserId}|{Target}";
}
