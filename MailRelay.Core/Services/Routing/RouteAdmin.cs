using MailRelay.Core.Domain;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Services.Routing;

/// <summary>Admins' route changes: validated, audited, and refused with a sentence when wrong.</summary>
public sealed class RouteAdmin(IRouteStore routeStore, IUserStore userStore, RouteCache cache, AuditLog audit, TimeProvider time)
{
    public Task<IReadOnlyList<MailRoute>> ListAsync(CancellationToken cancellationToken) => routeStore.ListRoutesAsync(cancellationToken);

    /// <summary>Creates (id 0) or updates a route; returns the saved route or the reason it was refused.</summary>
    public async Task<(MailRoute? Route, string? Error)> SaveAsync(string actorId, long id, string pattern, IReadOnlyList<RouteAction> actions, bool holdSpam, CancellationToken cancellationToken)
    {
        var (normalized, error) = RouteTable.NormalizePattern(pattern);
        if (normalized is null) return (null, error);
        if (actions.Count == 0) return (null, "Choose at least one action.");
        foreach (var action in actions.Where(a => a.Kind is RouteActionKind.Gmail or RouteActionKind.LocalMailbox))
        {
            if (string.IsNullOrWhiteSpace(action.UserId)) return (null, $"Choose the user whose mailbox receives the mail ({action.Kind}).");
            if (await userStore.FindUserAsync(action.UserId, cancellationToken) is null) return (null, $"There is no user '{action.UserId}'.");
        }
        if (actions.Any(a => a.Kind is RouteActionKind.Drop or RouteActionKind.Hold) && actions.Count > 1)
            return (null, "Drop and hold cannot be combined with other actions.");
        var cleaned = actions.Select(a => a.Kind is RouteActionKind.Drop or RouteActionKind.Hold ? a with { UserId = null } : a).Distinct().ToList();
        try
        {
            var saved = await routeStore.SaveRouteAsync(new MailRoute(id, normalized, cleaned, holdSpam, time.GetUtcNow()), cancellationToken);
            cache.Invalidate();
            await audit.RecordAsync(actorId, id == 0 ? AuditActions.RouteCreate : AuditActions.RouteUpdate, normalized, Describe(saved), cancellationToken);
            return (saved, null);
        }
        catch (DuplicateRouteException e)
        {
            return (null, e.Message);
        }
    }

    public async Task<bool> DeleteAsync(string actorId, MailRoute route, CancellationToken cancellationToken)
    {
        if (!await routeStore.DeleteRouteAsync(route.Id, cancellationToken)) return false;
        cache.Invalidate();
        await audit.RecordAsync(actorId, AuditActions.RouteDelete, route.Pattern, Describe(route), cancellationToken);
        return true;
    }

    public static string Describe(MailRoute route) =>
        string.Join(", ", route.Actions.Select(a => a.UserId is null ? a.Kind.ToString() : $"{a.Kind} of {a.UserId}"))
        + (route.HoldSpam ? "; holds spam" : "");
}
