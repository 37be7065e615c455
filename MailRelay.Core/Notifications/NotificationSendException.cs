namespace MailRelay.Core.Notifications;

/// <summary>An email could not be handed over; the message says where and why, never with a secret in it.</summary>
public sealed class NotificationSendException(string message, Exception? innerException = null) : Exception(message, innerException);
