using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;

namespace MailRelay.Core.Routing;

/// <summary>
/// Turns a message's envelope recipients, verdicts and the routes into deliveries. Nothing is
/// ever silently lost: unroutable mail and virus FAIL are held for an admin, drops are recorded.
/// </summary>
public static class DeliveryPlanner
{
    public static IReadOnlyList<NewDelivery> Plan(RouteTable routes, IReadOnlyList<string> recipients, Verdicts verdicts)
    {
        var deliveries = new Dictionary<string, NewDelivery>(StringComparer.Ordinal);
        foreach (var recipient in recipients.Select(r => RecipientAddress.Parse(r)?.Address ?? r.Trim()).Distinct())
        {
            var route = routes.Match(recipient);
            var planned = route is null
                ? [new NewDelivery(recipient, null, DeliveryTarget.None, DeliveryStatus.Held, false, $"No route matches {recipient}; held for an admin.")]
                : route.Actions.Select(action => ForAction(recipient, route, action, verdicts));
            foreach (var delivery in planned) deliveries.TryAdd(delivery.TargetKey, delivery);
        }
        return deliveries.Values.ToList();
    }

    private static NewDelivery ForAction(string recipient, MailRoute route, RouteAction action, Verdicts verdicts)
    {
        switch (action.Kind)
        {
            case RouteActionKind.Drop:
                return new(recipient, null, DeliveryTarget.None, DeliveryStatus.Dropped, false, $"Dropped by the route for {route.Pattern}.");
            case RouteActionKind.Hold:
                return new(recipient, null, DeliveryTarget.None, DeliveryStatus.Held, false, $"Held by the route for {route.Pattern}.");
        }
        var target = action.Kind == RouteActionKind.Gmail ? DeliveryTarget.Gmail : DeliveryTarget.LocalMailbox;
        if (verdicts.VirusFailed)
            return new(recipient, action.UserId, target, DeliveryStatus.Held, false, "SES found a virus (virus verdict FAIL); held for an admin.");
        if (verdicts.SpamFailed && route.HoldSpam)
            return new(recipient, action.UserId, target, DeliveryStatus.Held, false, $"Spam verdict FAIL and the route for {route.Pattern} holds spam.");
        return new(recipient, action.UserId, target, DeliveryStatus.Pending, verdicts.SpamFailed, null);
    }
}
