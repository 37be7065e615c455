
namespace MailRelay.Core.Routing;

public enum RouteActionKind
{
    Gmail,
    LocalMailbox,
    Drop,
    Hold,
}
