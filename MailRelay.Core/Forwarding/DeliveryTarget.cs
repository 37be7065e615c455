namespace MailRelay.Core.Forwarding;

public enum DeliveryTarget
{
    /// <summary>The user's Gmail (or, in local mode, the local mailbox standing in for it).</summary>
    Gmail,
    /// <summary>Always the local mailbox folder of the user, viewable in the UI.</summary>
    LocalMailbox,
    /// <summary>No mailbox: held for an admin or dropped.</summary>
    None,
}
