using System.Text.Json;
using System.Text.Json.Serialization;
using MailRelay.Core.Infrastructure.DynamoDb;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;
using Item = System.Collections.Generic.Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>;

namespace MailRelay.Core.Routing.Adapters;

/// <summary>
/// Routes: PK ROUTES, SK ROUTE#id (few, read whole and cached by RouteCache). A pattern is unique
/// through a guard item PK ROUTEPATTERN#pattern that names its route, put with a condition.
/// </summary>
public sealed class DynamoDbRouteStore(DynamoDbTable table) : IRouteStore
{
    private const string RoutesPartition = "ROUTES";
    private static readonly JsonSerializerOptions RouteJson = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<MailRoute>> ListRoutesAsync(CancellationToken cancellationToken)
    {
        var items = await table.QueryAsync(Partition(RoutesPartition, "ROUTE#"), cancellationToken);
        return items.Select(ReadRoute).OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();
    }

    public async Task<MailRoute> SaveRouteAsync(MailRoute route, CancellationToken cancellationToken)
    {
        var existing = route.Id == 0 ? null
            : await table.GetAsync(RoutesPartition, RouteKey(route.Id), cancellationToken) ?? throw new KeyNotFoundException($"Route {route.Id} does not exist.");
        var id = route.Id == 0 ? await table.NextNumberAsync("route", cancellationToken) : route.Id;
        var oldPattern = existing?.Str("Pattern");
        if (oldPattern != route.Pattern && !await ClaimPatternAsync(route.Pattern, id, cancellationToken))
            throw new DuplicateRouteException(route.Pattern);
        var item = NewItem(RoutesPartition, RouteKey(id))
            .Also("Id", N(id)).Also("Pattern", S(route.Pattern)).Also("Actions", S(JsonSerializer.Serialize(route.Actions, RouteJson)))
            .Also("HoldSpam", B(route.HoldSpam)).Also("UpdatedAt", T(route.UpdatedAt));
        if (!await table.PutIfAsync(item, existing is null ? "attribute_not_exists(PK)" : "attribute_exists(PK)", cancellationToken))
        {
            await ReleasePatternAsync(route.Pattern, id, cancellationToken);
            throw new KeyNotFoundException($"Route {id} was deleted meanwhile.");
        }
        if (oldPattern is not null && oldPattern != route.Pattern) await ReleasePatternAsync(oldPattern, id, cancellationToken);
        return route with { Id = id };
    }

    public async Task<bool> DeleteRouteAsync(long routeId, CancellationToken cancellationToken)
    {
        if (await table.DeleteIfAsync(RoutesPartition, RouteKey(routeId), null, cancellationToken) is not { } old) return false;
        await ReleasePatternAsync(old.Str("Pattern"), routeId, cancellationToken);
        return true;
    }

    private static string RouteKey(long id) => "ROUTE#" + Padded(id);

    /// <summary>Takes the pattern for the route; true also when the route holds it already (a retry).</summary>
    private Task<bool> ClaimPatternAsync(string pattern, long routeId, CancellationToken cancellationToken) =>
        table.PutIfAsync(NewItem("ROUTEPATTERN#" + pattern, "ROUTEPATTERN").Also("RouteId", N(routeId)),
            "attribute_not_exists(PK) OR RouteId = :id", cancellationToken, new() { [":id"] = N(routeId) });

    private Task ReleasePatternAsync(string pattern, long routeId, CancellationToken cancellationToken) =>
        table.DeleteIfAsync("ROUTEPATTERN#" + pattern, "ROUTEPATTERN", "RouteId = :id", cancellationToken, new() { [":id"] = N(routeId) });

    private static MailRoute ReadRoute(Item i) => new(
        i.Num("Id"), i.Str("Pattern"), JsonSerializer.Deserialize<List<RouteAction>>(i.Str("Actions"), RouteJson) ?? [],
        i.Bool("HoldSpam"), i.Time("UpdatedAt"));
}
