using MailRelay.Core.Configuration;

namespace MailRelay.Core.Outbound;

/// <summary>Where SES events about mail sent with the SMTP credentials come from (<c>Outbound</c> section).</summary>
public sealed class OutboundEventsOptions : IPortOptions
{
    public const string SectionName = "Outbound";
    public const string Folder = "Folder";
    public const string Sqs = "Sqs";

    public string PortName => SectionName;

    /// <summary>Folder (default): JSON files in <see cref="EventsFolderPath"/>. Sqs: the queue at <see cref="EventsQueueUrl"/>.</summary>
    public string Provider { get; set; } = Folder;

    /// <summary>Folder of the Folder adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string EventsFolderPath { get; set; } = "outbound-events";

    /// <summary>The SQS queue fed by the configuration set's SNS event destination (Terraform output <c>outbound_events_queue_url</c>).</summary>
    public string EventsQueueUrl { get; set; } = "";

    /// <summary>The queue's region: its SQS endpoint, and the signing region when <see cref="ServiceUrl"/> is set.</summary>
    public string Region { get; set; } = "";

    /// <summary>Sends the SQS calls here instead of the queue URL's host (tests, emulators, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Long-poll wait per receive, 0–20 seconds; short, because the job runs every <see cref="Interval"/>.</summary>
    public int WaitTimeSeconds { get; set; } = 1;

    /// <summary>How often the events are read.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
