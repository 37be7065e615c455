using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// The four SQS calls intake needs, over the SQS query protocol (form POST, XML answers), signed
/// with <see cref="SigV4Signer"/>: there is no AWSSDK.SQS in our registry. Requests go to the queue
/// URL's host (or <paramref name="serviceUrl"/>) with the queue URL as a parameter.
/// </summary>
public sealed class SqsQueryClient(HttpClient http, Uri queueUrl, string region, AWSCredentials credentials, TimeProvider timeProvider, Uri? serviceUrl = null)
{
    public const string ApiVersion = "2012-11-05";
    public const int MaxMessagesPerReceive = 10;
    public const int MaxWaitTimeSeconds = 20;
    public const int MaxVisibilityTimeoutSeconds = 43_200;

    private readonly AwsQueryProtocol _protocol = new(http, new SigV4Signer("sqs", region), credentials, timeProvider,
        serviceUrl ?? new Uri(queueUrl.GetLeftPart(UriPartial.Authority) + "/"), "SQS", ApiVersion,
        (code, message, status, type, requestId, inner) => new SqsException(code, message, status, type, requestId, inner));

    public Uri QueueUrl { get; } = queueUrl;

    /// <summary>Long-polls for up to <paramref name="maxNumberOfMessages"/> messages, asking for <c>ApproximateReceiveCount</c>.</summary>
    /// <param name="visibilityTimeoutSeconds">Null: the queue's own default.</param>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(int maxNumberOfMessages, int waitTimeSeconds, int? visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxNumberOfMessages, MaxMessagesPerReceive);
        ArgumentOutOfRangeException.ThrowIfNegative(waitTimeSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitTimeSeconds, MaxWaitTimeSeconds);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("MaxNumberOfMessages", Invariant(maxNumberOfMessages)),
            new("WaitTimeSeconds", Invariant(waitTimeSeconds)),
            new("AttributeName.1", "ApproximateReceiveCount"),
        };
        if (visibilityTimeoutSeconds is { } visibility)
        {
            CheckVisibility(visibility);
            parameters.Add(new("VisibilityTimeout", Invariant(visibility)));
        }
        return AwsQueryXml.Messages(await CallAsync("ReceiveMessage", parameters, cancellationToken));
    }

    public async Task DeleteMessageAsync(string receiptHandle, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        await CallAsync("DeleteMessage", [new("ReceiptHandle", receiptHandle)], cancellationToken);
    }

    /// <summary>The message becomes visible again after <paramref name="visibilityTimeoutSeconds"/> (0 = now).</summary>
    public async Task ChangeMessageVisibilityAsync(string receiptHandle, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        CheckVisibility(visibilityTimeoutSeconds);
        await CallAsync("ChangeMessageVisibility", [new("ReceiptHandle", receiptHandle), new("VisibilityTimeout", Invariant(visibilityTimeoutSeconds))], cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(IReadOnlyList<string> attributeNames, CancellationToken cancellationToken)
    {
        var parameters = attributeNames.Select((name, i) => new KeyValuePair<string, string>($"AttributeName.{i + 1}", name)).ToList();
        return AwsQueryXml.Attributes(await CallAsync("GetQueueAttributes", parameters, cancellationToken));
    }

    /// <summary><c>ApproximateNumberOfMessages</c>: messages waiting and visible.</summary>
    public async Task<int> GetApproximateNumberOfMessagesAsync(CancellationToken cancellationToken)
    {
        const string name = "ApproximateNumberOfMessages";
        var attributes = await GetQueueAttributesAsync([name], cancellationToken);
        return attributes.TryGetValue(name, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new SqsException("MalformedResponse", $"GetQueueAttributes answered without {name}.", HttpStatusCode.OK, null, null);
    }

    private Task<XDocument> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        _protocol.CallAsync(action, parameters.Prepend(new("QueueUrl", QueueUrl.ToString())), cancellationToken);

    private static void CheckVisibility(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxVisibilityTimeoutSeconds);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
