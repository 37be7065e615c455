
namespace MailRelay.Core.Common;

/// <summary>
/// One piece of MailRelay's background work: a job runs it on its schedule, one run at a time per
/// process, and the job does the logging, cancellation and metrics every kind of work shares.
/// Several processes may run the same work at once: each kind claims its items in the store.
/// </summary>
public interface IBackgroundWork
{
    /// <summary>What happens to the work after a failed run, for the log ("it is tried again at the next run").</summary>
    string AfterFailure { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
