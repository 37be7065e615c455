namespace MailRelay.Core.Inbound.Adapters;

/// <summary>The SQS queue that SES → SNS feeds (<c>Inbound:Sqs</c> section).</summary>
public sealed class SqsInboundOptions
{
    public const string SectionName = "Inbound:Sqs";

    /// <summary>The queue URL, e.g. <c>https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-inbound</c>.</summary>
    public string QueueUrl { get; set; } = "";

    /// <summary>The queue's region (e.g. <c>eu-west-1</c>): its SQS endpoint, and the signing region when <see cref="ServiceUrl"/> is set.</summary>
    public string Region { get; set; } = "";

    /// <summary>Long-poll wait per receive, 0–20 seconds.</summary>
    public int WaitTimeSeconds { get; set; } = 20;

    /// <summary>How long a received message stays hidden while it is stored, 0–43200 seconds.</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>Sends the calls here instead of the queue URL's host (tests, emulators, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }
}
