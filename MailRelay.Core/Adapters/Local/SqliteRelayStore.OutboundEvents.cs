using MailRelay.Core.Domain;

namespace MailRelay.Core.Adapters.Local;

public sealed partial class SqliteRelayStore
{
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
