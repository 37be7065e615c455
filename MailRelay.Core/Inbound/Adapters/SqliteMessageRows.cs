using System.Text.Json;
using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>How a messages row is selected and read.</summary>
internal static class SqliteMessageRows
{
    public const string MessageColumns = """
        m.id, m.sequence, m.source, m.received_at, m.blob_key, m.recipients, m.spam_verdict, m.virus_verdict, m.spf_verdict,
        m.dkim_verdict, m.dmarc_verdict, m.header_from, m.header_to, m.subject, m.header_date, m.header_message_id,
        m.size_bytes, m.parse_problem, m.blob_deleted
        """;

    public static StoredMessage ReadMessage(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var summary = new MessageSummary(S(11), S(12), S(13), SqliteValues.ReadOptionalTime(r, 14), S(15), r.GetInt64(16), S(17));
        return new StoredMessage(r.GetString(0), r.GetInt64(1), r.GetString(2), SqliteValues.ReadTime(r, 3), r.GetString(4),
            JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], new Verdicts(S(6), S(7), S(8), S(9), S(10)), summary, r.GetInt64(18) != 0);
    }
}
