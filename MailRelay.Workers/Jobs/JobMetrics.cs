using System.Diagnostics.Metrics;

namespace MailRelay.Workers.Jobs;

/// <summary>
/// Every background job run as <c>mailrelay.job.duration</c> (seconds), tagged with the job and how
/// it ended: <c>dotnet-counters monitor --counters MailRelay.Jobs</c> shows them on a running process.
/// </summary>
public sealed class JobMetrics
{
    public const string MeterName = "MailRelay.Jobs";
    public const string DurationName = "mailrelay.job.duration";

    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>(DurationName, "s", "How long each run of a background job took, by job and outcome.");
    }

    public void Record(string job, JobOutcome outcome, TimeSpan duration) =>
        _duration.Record(duration.TotalSeconds, new("job", job), new("outcome", outcome.ToString()));
}
