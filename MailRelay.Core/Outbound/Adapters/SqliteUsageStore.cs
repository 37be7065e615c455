using System.Globalization;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Outbound.Adapters;

/// <summary>Usage per user and day, and the outbound_events it counts for SMTP credentials.</summary>
public sealed class SqliteUsageStore(SqliteDatabase database) : IUsageStore
{
    // Times are stored as UTC text, so the first ten characters are the UTC day.
    private const string UsageGroups = """
        SELECT substr(m.received_at, 1, 10) AS day, COALESCE(d.user_id, '') AS user_id, COUNT(*),
               SUM(d.status = 'Delivered'), SUM(d.status IN ('Pending', 'Queued', 'Retrying', 'Held')), SUM(d.status = 'Failed')
        FROM deliveries d JOIN messages m ON m.id = d.message_id
        WHERE m.received_at >= $start AND m.received_at < $end
        GROUP BY day, user_id
        """;

    private const string OutboundGroups = """
        SELECT substr(at, 1, 10) AS day, smtp_user_id, SUM(event_type = 'Send'), SUM(event_type = 'Delivery'),
               SUM(event_type = 'Bounce'), SUM(event_type = 'Complaint')
        FROM outbound_events WHERE at >= $start AND at < $end
        GROUP BY day, smtp_user_id
        """;

    public Task<Page<UsageRow>> ListUsageAsync(DayRange range, PageRequest page, CancellationToken cancellationToken) =>
        ListGroupsAsync(UsageGroups, "user_id", "usage", range, page,
            r => new UsageRow(Day(r), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5)), r => (r.Day, r.UserId), cancellationToken);

    public Task<Page<OutboundUsageRow>> ListOutboundUsageAsync(DayRange range, PageRequest page, CancellationToken cancellationToken) =>
        ListGroupsAsync(OutboundGroups, "smtp_user_id", "outbound-usage", range, page,
            r => new OutboundUsageRow(Day(r), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5)), r => (r.Day, r.SmtpUserId), cancellationToken);

    /// <summary>Newest day first, then by id: a cursor continues after its (day, id) (keyset over the groups), otherwise OFFSET.</summary>
    private async Task<Page<T>> ListGroupsAsync<T>(string groups, string id, string list, DayRange range, PageRequest page,
        Func<SqliteDataReader, T> read, Func<T, (DateOnly Day, string Id)> keyOf, CancellationToken cancellationToken)
    {
        var position = UsageCursor.Position(list, range, page);
        var keyset = position is null ? "" : $"WHERE day < $day OR (day = $day AND {id} > $id)";
        await using var connection = await database.OpenAsync(cancellationToken);
        var items = new List<T>();
        await using (var command = RangeCommand(connection, $"SELECT * FROM ({groups}) {keyset} ORDER BY day DESC, {id} LIMIT $take OFFSET $skip", range))
        {
            if (position is { } p)
            {
                command.Parameters.AddWithValue("$day", p.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$id", p.Id);
            }
            command.Parameters.AddWithValue("$take", page.Take + 1);
            command.Parameters.AddWithValue("$skip", position is null ? page.Skip : 0);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) items.Add(read(reader));
        }
        string? next = null;
        if (items.Count > page.Take)
        {
            var (day, lastId) = keyOf(items[page.Take - 1]);
            next = UsageCursor.After(list, range, day, lastId);
            items.RemoveAt(page.Take);
        }
        await using var count = RangeCommand(connection, $"SELECT COUNT(*) FROM ({groups})", range);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new Page<T>(items, page.Skip, page.Take, total, next);
    }

    private static SqliteCommand RangeCommand(SqliteConnection connection, string sql, DayRange range)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$start", SqliteValues.Time(range.Start));
        command.Parameters.AddWithValue("$end", SqliteValues.Time(range.End));
        return command;
    }

    private static DateOnly Day(SqliteDataReader reader) =>
        DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<bool> RecordOutboundEventAsync(OutboundEvent outboundEvent, string smtpUserId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbound_events (ses_message_id, event_type, smtp_user_id, at, caller, source, detail, recipients)
            VALUES ($id, $type, $user, $at, $caller, $source, $detail, $recipients)
            ON CONFLICT (ses_message_id, event_type) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", outboundEvent.SesMessageId);
        command.Parameters.AddWithValue("$type", outboundEvent.Type.ToString());
        command.Parameters.AddWithValue("$user", smtpUserId);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(outboundEvent.At));
        command.Parameters.AddWithValue("$caller", (object?)outboundEvent.CallerIdentity ?? DBNull.Value);
        command.Parameters.AddWithValue("$source", (object?)outboundEvent.Source ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)outboundEvent.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$recipients", outboundEvent.Recipients);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<OutboundRates>> SummarizeOutboundAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT smtp_user_id, SUM(event_type = 'Send'), SUM(event_type = 'Delivery'), SUM(event_type = 'Bounce'), SUM(event_type = 'Complaint')
            FROM outbound_events WHERE at >= $since GROUP BY smtp_user_id ORDER BY smtp_user_id
            """;
        command.Parameters.AddWithValue("$since", SqliteValues.Time(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rates = new List<OutboundRates>();
        while (await reader.ReadAsync(cancellationToken))
            rates.Add(new OutboundRates(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        return rates;
    }
}
