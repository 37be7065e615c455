using MailRelay.Core.Infrastructure.Sqlite;

namespace MailRelay.Core.Domains.Adapters;

/// <summary>The DNS page's domains table; a domain's last check is its <c>last_check</c> column (JSON).</summary>
public sealed class SqliteDomainStore(SqliteDatabase database) : IDomainStore
{
    public async Task<IReadOnlyList<MailDomain>> ListDomainsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, added_by, added_at FROM domains ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var domains = new List<MailDomain>();
        while (await reader.ReadAsync(cancellationToken))
            domains.Add(new MailDomain(reader.GetString(0), reader.GetString(1), SqliteValues.ReadTime(reader, 2)));
        return domains;
    }

    public async Task<bool> AddDomainAsync(MailDomain domain, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO domains (name, added_by, added_at) VALUES ($name, $by, $at) ON CONFLICT (name) DO NOTHING";
        command.Parameters.AddWithValue("$name", domain.Name);
        command.Parameters.AddWithValue("$by", domain.AddedBy);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(domain.AddedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RemoveDomainAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM domains WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SaveCheckReportAsync(DomainCheckReport report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE domains SET last_check = $report WHERE name = $name";
        command.Parameters.AddWithValue("$report", DomainCheckReports.ToJson(report));
        command.Parameters.AddWithValue("$name", report.Domain);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<DomainCheckReport>> ListCheckReportsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_check FROM domains WHERE last_check IS NOT NULL ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<DomainCheckReport>();
        while (await reader.ReadAsync(cancellationToken)) reports.Add(DomainCheckReports.FromJson(reader.GetString(0)));
        return reports;
    }
}
