using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Users;

namespace MailRelay.Core.Routing;

/// <summary>Admins' route changes: validated, audited, and refused with a sentence when wrong.</summary>
public sealed class RouteAdmin(IRouteStore routeStore, IUserStore userStore, RouteCache cache, AuditLog audit, TimeProvider time)
{
    public Task<IReadOnlyList<MailRoute>> ListAsync(CancellationToken cancellationToken) => routeStore.ListRoutesAsync(cancellationToken);

    /// <summary>
    /// Creates (id 0) or updates a route; the saved route, NotFound for an id that is no route, Invalid for a pattern
    /// or actions that cannot be, Conflict when another route has the pattern (the store's refusal, so no race).
    /// </summary>
    public async Task<Result<MailRoute>> SaveAsync(string actorId, long id, string pattern, IReadOnlyList<RouteAction> actions, bool holdSpam, CancellationToken cancellationToken)
    {
        if (id != 0 && (await routeStore.ListRoutesAsync(cancellationToken)).All(r => r.Id != id)) return NoSuchRoute;
        var normalizedPattern = RouteTable.NormalizePattern(pattern);
        if (!normalizedPattern.IsSuccess) return normalizedPattern.Failure;
        var normalized = normalizedPattern.Value;
        if (actions.Count == 0) return Failure.Invalid("Choose at least one action.");
        foreach (var action in actions.Where(a => a.Kind is RouteActionKind.Gmail or RouteActionKind.LocalMailbox))
        {
            if (string.IsNullOrWhiteSpace(action.UserId)) return Failure.Invalid($"Choose the user whose mailbox receives the mail ({action.Kind}).");
            if (await userStore.FindUserAsync(action.UserId, cancellationToken) is null) return Failure.Invalid($"There is no user '{action.UserId}'.");
        }
        if (actions.Any(a => a.Kind is RouteActionKind.Drop or RouteActionKind.Hold) && actions.Count > 1)
            return Failure.Invalid("Drop and hold cannot be combined with other actions.");
        var cleaned = actions.Select(a => a.Kind is RouteActionKind.Drop or RouteActionKind.Hold ? a with { UserId = null } : a).Distinct().ToList();
        try
        {
            var saved = await routeStore.SaveRouteAsync(new MailRoute(id, normalized, cleaned, holdSpam, time.GetUtcNow()), cancellationToken);
            cache.Invalidate();
            await audit.RecordAsync(actorId, id == 0 ? AuditActions.RouteCreate : AuditActions.RouteUpdate, normalized, Describe(saved), cancellationToken);
            return saved;
        }
        catch (DuplicateRouteException e)
        {
            return Failure.Conflict(e.Message);
        }
    }

    /// <summary>Deletes the route; NotFound when there is no route with this id (any more).</summary>
    public async Task<Result> DeleteAsync(string actorId, long id, CancellationToken cancellationToken)
    {
        var route = (await routeStore.ListRoutesAsync(cancellationToken)).FirstOrDefault(r => r.Id == id);
        if (route is null || !await routeStore.DeleteRouteAsync(route.Id, cancellationToken)) return NoSuchRoute;
        cache.Invalidate();
        await audit.RecordAsync(actorId, AuditActions.RouteDelete, route.Pattern, Describe(route), cancellationToken);
        return Result.Ok();
    }

    private static Failure NoSuchRoute => Failure.NotFound("There is no such route.");

    public static string Describe(MailRoute route) =>
        string.Join(", ", route.Actions.Select(a => a.UserId is null ? a.Kind.ToString() : $"{a.Kind} of {a.UserId}"))
        + (route.HoldSpam ? "; holds spam" : "");
}
