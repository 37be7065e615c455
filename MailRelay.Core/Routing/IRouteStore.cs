namespace MailRelay.Core.Routing;

/// <summary>The routes: which recipient addresses go to whose mailbox.</summary>
public interface IRouteStore
{
    Task<IReadOnlyList<MailRoute>> ListRoutesAsync(CancellationToken cancellationToken);

    /// <summary>Creates (Id 0) or updates a route. Throws <see cref="DuplicateRouteException"/> for a pattern that exists.</summary>
    Task<MailRoute> SaveRouteAsync(MailRoute route, CancellationToken cancellationToken);

    Task<bool> DeleteRouteAsync(long routeId, CancellationToken cancellationToken);
}
