namespace MailRelay.Core.Metrics.Adapters;

/// <summary>
/// Writes each minute as CloudWatch Embedded Metric Format lines: totals without dimensions, one
/// line per user (dimension <c>UserId</c>) and one per SMTP provisioning outcome (<c>Outcome</c>).
/// The lines go straight to stdout, not through Serilog: CloudWatch Logs extracts metrics only
/// when the whole log event is the EMF object, and Serilog's JSON formatter would nest it under
/// <c>Properties</c> next to its own Timestamp and Level.
/// </summary>
public sealed class EmfMetricsPublisher(TextWriter output, string @namespace) : IMetricsPublisher
{
    private const string Count = "Count";
    /// <summary>How a user held without a user id shows in CloudWatch (a dimension value cannot be empty).</summary>
    public const string NoUser = "(no user)";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task PublishAsync(MetricsMinute minute, CancellationToken cancellationToken)
    {
        var lines = Lines(minute, @namespace).Select(d => d.ToJsonLine()).ToList();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // One write per line: stdout is shared with the log, and a line must never be split.
            foreach (var line in lines) await output.WriteLineAsync(line.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static IEnumerable<EmfDocument> Lines(MetricsMinute minute, string @namespace)
    {
        var totals = new EmfDocument(minute.Minute, @namespace, []);
        foreach (var point in minute.Points.Where(p => p.UserId is null)) totals.Add(point.Name, UnitOf(point.Name), point.Value);
        if (totals.HasMetrics) yield return totals;

        var users = minute.Points.Where(p => p.UserId is not null).Select(p => p.UserId!).Concat(minute.TokenDaysLeft.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var document = new EmfDocument(minute.Minute, @namespace, [new("UserId", user.Length == 0 ? NoUser : user)]);
            foreach (var point in minute.Points.Where(p => p.UserId == user)) document.Add(point.Name, UnitOf(point.Name), point.Value);
            if (minute.TokenDaysLeft.TryGetValue(user, out var days)) document.Add(MetricNames.TokenDaysLeft, "None", days);
            yield return document;
        }

        foreach (var (outcome, count) in minute.ProvisioningOutcomes)
            yield return new EmfDocument(minute.Minute, @namespace, [new("Outcome", outcome)]).Add(MetricNames.SmtpProvisioning, Count, count);
    }

    private static string UnitOf(string name) => name == MetricNames.OldestAgeSeconds ? "Seconds" : Count;
}
