using MailRelay.Core.Routing;

namespace MailRelay.Web.Components.Admin;

/// <summary>The route form's editable state; <c>RouteAdmin</c> validates it on save.</summary>
public sealed class RouteDraft
{
    public long Id { get; set; }

    public string Pattern { get; set; } = "";

    public List<ActionDraft> Actions { get; set; } = [new()];

    public bool HoldSpam { get; set; }

    public static RouteDraft From(MailRoute route) => new()
    {
        Id = route.Id,
        Pattern = route.Pattern,
        Actions = route.Actions.Select(a => new ActionDraft { Kind = a.Kind, UserId = a.UserId }).ToList(),
        HoldSpam = route.HoldSpam,
    };

    public IReadOnlyList<RouteAction> ToActions() =>
        Actions.Select(a => new RouteAction(a.Kind, a.NeedsUser ? a.UserId : null)).ToList();

    public sealed class ActionDraft
    {
        public RouteActionKind Kind { get; set; } = RouteActionKind.Gmail;

        public string? UserId { get; set; }

        public bool NeedsUser => Kind is RouteActionKind.Gmail or RouteActionKind.LocalMailbox;
    }
}
