namespace MailRelay.Core.Domain;

public enum RouteActionKind
{
    Gmail,
    LocalMailbox,
    Drop,
    Hold,
}
