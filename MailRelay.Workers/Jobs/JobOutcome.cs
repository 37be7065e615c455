namespace MailRelay.Workers.Jobs;

/// <summary>How one run of a background job ended.</summary>
public enum JobOutcome
{
    Completed,
    /// <summary>The host began stopping during the run.</summary>
    Stopped,
    Failed,
    /// <summary>A cluster-once work whose job lease another instance holds: that instance runs it this period.</summary>
    Skipped,
}
