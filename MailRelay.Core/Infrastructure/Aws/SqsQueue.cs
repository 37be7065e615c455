using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// One SQS queue, through AWSSDK.SQS: the four calls the inbound and outbound-event sources make.
/// Failures are the SDK's own exceptions (<see cref="AmazonSQSException"/> with SQS's error code,
/// or the <see cref="HttpRequestException"/> of an endpoint that cannot be reached), after the
/// SDK's retries of throttling and server faults; an answer that is not SQS's at all is reported
/// by its status alone.
/// </summary>
public sealed class SqsQueue(IAmazonSQS sqs, string queueUrl)
{
    public const int MaxMessagesPerReceive = 10;
    public const int MaxWaitTimeSeconds = 20;
    public const int MaxVisibilityTimeoutSeconds = 43_200;
    private const string ReceiveCount = "ApproximateReceiveCount";
    private const string VisibleCount = "ApproximateNumberOfMessages";

    public string QueueUrl { get; } = queueUrl;

    /// <summary>Long-polls for up to <paramref name="maxMessages"/> messages, each with its <c>ApproximateReceiveCount</c>.</summary>
    /// <param name="visibilityTimeoutSeconds">How long the messages stay hidden; null: the queue's own default.</param>
    public async Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(int maxMessages, int waitTimeSeconds, int? visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        ArgumentOutOfRangeException.ThrowIfNegative(waitTimeSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitTimeSeconds, MaxWaitTimeSeconds);
        if (visibilityTimeoutSeconds is { } visibility) CheckVisibility(visibility);

        var response = await CallAsync("ReceiveMessage", () => sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = QueueUrl,
            MaxNumberOfMessages = maxMessages,
            WaitTimeSeconds = waitTimeSeconds,
            VisibilityTimeout = visibilityTimeoutSeconds,
            MessageSystemAttributeNames = [ReceiveCount],
        }, cancellationToken));
        // AWSSDK v4 leaves an absent list null rather than empty.
        return (response.Messages ?? []).Select(m => new SqsReceivedMessage(m.MessageId, m.ReceiptHandle, m.Body ?? "", ReceiveCountOf(m))).ToList();
    }

    /// <summary>Deletes the message received with <paramref name="receiptHandle"/> (an older handle of a redelivered message deletes nothing, as in SQS).</summary>
    public async Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        await CallAsync("DeleteMessage", () => sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = QueueUrl, ReceiptHandle = receiptHandle }, cancellationToken));
    }

    /// <summary>The message becomes visible again after <paramref name="visibilityTimeoutSeconds"/> (0 = now).</summary>
    public async Task ChangeVisibilityAsync(string receiptHandle, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        CheckVisibility(visibilityTimeoutSeconds);
        await CallAsync("ChangeMessageVisibility", () => sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
        {
            QueueUrl = QueueUrl, ReceiptHandle = receiptHandle, VisibilityTimeout = visibilityTimeoutSeconds,
        }, cancellationToken));
    }

    /// <summary><c>ApproximateNumberOfMessages</c>: messages waiting and visible.</summary>
    public async Task<int> CountVisibleAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("GetQueueAttributes",
            () => sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = QueueUrl, AttributeNames = [VisibleCount] }, cancellationToken));
        // The SDK's typed property reads a missing attribute as 0; a count that was never sent must not look like an empty queue.
        return response.Attributes?.GetValueOrDefault(VisibleCount) is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new AmazonSQSException($"GetQueueAttributes on {QueueUrl} answered without {VisibleCount}.");
    }

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonSQSException e) when (string.IsNullOrEmpty(e.ErrorCode) && (int)e.StatusCode >= 400)
        {
            // An HTTP error without SQS's error shape (a proxy's or load balancer's page): the SDK would quote a text body, and it may hold anything.
            throw new AmazonSQSException($"SQS {operation} on {QueueUrl} answered HTTP {(int)e.StatusCode} without an SQS error.",
                e.InnerException, e.ErrorType, null, e.RequestId, e.StatusCode);
        }
    }

    private static int? ReceiveCountOf(Message message) =>
        message.Attributes?.GetValueOrDefault(ReceiveCount) is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static void CheckVisibility(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxVisibilityTimeoutSeconds);
    }
}
