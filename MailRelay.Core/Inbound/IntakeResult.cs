namespace MailRelay.Core.Inbound;

public enum IntakeResult
{
    /// <summary>Stored with its deliveries: the source may acknowledge it.</summary>
    Accepted,
    /// <summary>Already stored earlier (a redelivered notification): acknowledge it, nothing changed.</summary>
    Duplicate,
    /// <summary>Already stored, but this envelope names recipients it did not have: their deliveries were added.</summary>
    RecipientsAdded,
}
