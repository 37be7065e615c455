namespace MailRelay.Workers.Jobs;

/// <summary>How one run of a background job ended.</summary>
public enum JobOutcome
{
    Completed,
    /// <summary>The host began stopping during the run.</summary>
    Stopped,
    Failed,
}
