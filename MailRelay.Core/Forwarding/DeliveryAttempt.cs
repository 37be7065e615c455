using Polly;
using Polly.Retry;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// One delivery through a mailbox adapter with the in-process retries of ARCHITECTURE.md:
/// transient failures are retried three times (2 s, 4 s, 8 s by default), waiting at least what
/// Retry-After asks; a Retry-After longer than the last delay ends the retries at once so the
/// delivery is rescheduled instead of holding its user's lane.
/// </summary>
public sealed class DeliveryAttempt
{
    private readonly ResiliencePipeline<MailboxDeliveryResult> _pipeline;

    public DeliveryAttempt(ForwardingOptions options, TimeProvider time)
    {
        var longest = options.RetryDelay * 4;
        _pipeline = new ResiliencePipelineBuilder<MailboxDeliveryResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<MailboxDeliveryResult>
            {
                MaxRetryAttempts = 3,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { Outcome: MailboxDeliveryOutcome.Transient } result && (result.RetryAfter ?? TimeSpan.Zero) <= longest),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Result?.RetryAfter is { } after && after > DelayFor(options, args.AttemptNumber) ? after : null),
            })
            .Build();
    }

    public ValueTask<MailboxDeliveryResult> RunAsync(IMailboxDelivery mailbox, MailboxDeliveryRequest request, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static async (state, token) => await state.mailbox.DeliverAsync(state.request, token), (mailbox, request), cancellationToken);

    private static TimeSpan DelayFor(ForwardingOptions options, int attemptNumber) => options.RetryDelay * Math.Pow(2, attemptNumber);
}
