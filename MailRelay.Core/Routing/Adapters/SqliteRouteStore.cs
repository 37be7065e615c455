using System.Text.Json;
using System.Text.Json.Serialization;
using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Routing.Adapters;

/// <summary>The routes table.</summary>
public sealed class SqliteRouteStore(SqliteDatabase database) : IRouteStore
{
    private static readonly JsonSerializerOptions RouteJson = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<MailRoute>> ListRoutesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, pattern, actions, hold_spam, updated_at FROM routes ORDER BY pattern";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var routes = new List<MailRoute>();
        while (await reader.ReadAsync(cancellationToken))
        {
            routes.Add(new MailRoute(reader.GetInt64(0), reader.GetString(1),
                JsonSerializer.Deserialize<List<RouteAction>>(reader.GetString(2), RouteJson) ?? [], reader.GetInt64(3) != 0, SqliteValues.ReadTime(reader, 4)));
        }
        return routes;
    }

    public async Task<MailRoute> SaveRouteAsync(MailRoute route, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = route.Id == 0
            ? "INSERT INTO routes (pattern, actions, hold_spam, updated_at) VALUES ($pattern, $actions, $hold, $at) RETURNING id"
            : "UPDATE routes SET pattern = $pattern, actions = $actions, hold_spam = $hold, updated_at = $at WHERE id = $id RETURNING id";
        command.Parameters.AddWithValue("$id", route.Id);
        command.Parameters.AddWithValue("$pattern", route.Pattern);
        command.Parameters.AddWithValue("$actions", JsonSerializer.Serialize(route.Actions, RouteJson));
        command.Parameters.AddWithValue("$hold", route.HoldSpam ? 1 : 0);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(route.UpdatedAt));
        try
        {
            var id = await command.ExecuteScalarAsync(cancellationToken) ?? throw new KeyNotFoundException($"Route {route.Id} does not exist.");
            return route with { Id = (long)id };
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: the pattern is taken
        {
            throw new DuplicateRouteException(route.Pattern);
        }
    }

    public async Task<bool> DeleteRouteAsync(long routeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM routes WHERE id = $id";
        command.Parameters.AddWithValue("$id", routeId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
