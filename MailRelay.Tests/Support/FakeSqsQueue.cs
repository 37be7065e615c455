using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MailRelay.Tests.Support;

/// <summary>
/// A standard SQS queue behind <see cref="FakeSqsEndpoint"/>, answering the SQS API's JSON shapes.
/// A received message stays hidden for its visibility timeout (measured on the given clock), then is
/// handed out again with a new receipt handle and a higher <c>ApproximateReceiveCount</c>. Only the
/// latest handle deletes it (an older one "succeeds" without deleting, as in SQS) or changes its
/// visibility. A message due for its receive number <see cref="MaxReceiveCount"/> + 1 moves to the
/// <see cref="DeadLetterQueue"/> instead (the redrive policy). An empty receive long-polls for up to
/// <c>WaitTimeSeconds</c> of real time, since it holds a real HTTP request open.
/// </summary>
public sealed partial class FakeSqsQueue(string url, TimeProvider time, FakeSqsQueue? deadLetterQueue = null)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private readonly object _gate = new();
    private readonly List<Entry> _messages = [];
    private readonly HashSet<string> _issuedHandles = new(StringComparer.Ordinal);

    private sealed class Entry(string id, string body, DateTimeOffset sentAt)
    {
        public string Id { get; } = id;
        public string Body { get; } = body;
        public DateTimeOffset SentAt { get; } = sentAt;
        public DateTimeOffset VisibleAt { get; set; } = sentAt;
        public DateTimeOffset? FirstReceivedAt { get; set; }
        public string? Handle { get; set; }
        public int ReceiveCount { get; set; }
    }

    public string Url { get; } = url;

    public FakeSqsQueue? DeadLetterQueue { get; } = deadLetterQueue;

    /// <summary>The queue's <c>VisibilityTimeout</c> attribute, used when a receive names none (SQS's default is 30 s).</summary>
    public int DefaultVisibilityTimeoutSeconds { get; set; } = 30;

    /// <summary>The redrive policy's maxReceiveCount (the design's DLQ after 5 receives).</summary>
    public int MaxReceiveCount { get; set; } = 5;

    /// <summary>Messages in the queue, visible or in flight.</summary>
    public int Count { get { lock (_gate) return _messages.Count; } }

    /// <summary>The bodies of the messages in the queue, visible or in flight, oldest first.</summary>
    public IReadOnlyList<string> Bodies { get { lock (_gate) return [.. _messages.Select(m => m.Body)]; } }

    /// <summary>Bodies moved to the dead-letter queue.</summary>
    public IReadOnlyList<string> DeadLetters => DeadLetterQueue?.Bodies ?? [];

    /// <summary>Enqueues <paramref name="body"/> (as SNS does) and returns its message id.</summary>
    public string Send(string body) => Add(Guid.NewGuid().ToString(), body);

    /// <summary>When the message becomes visible again; null when it is no longer in the queue.</summary>
    public DateTimeOffset? VisibleAt(string messageId)
    {
        lock (_gate) return _messages.FirstOrDefault(m => m.Id == messageId)?.VisibleAt;
    }

    private string Add(string id, string body)
    {
        lock (_gate) _messages.Add(new Entry(id, body, time.GetUtcNow()));
        return id;
    }

    /// <summary>Runs one SQS operation named by <c>X-Amz-Target</c> on this queue.</summary>
    public Task<FakeSqsReply> HandleAsync(FakeSqsRequest request, CancellationToken cancellationToken) => request.Operation switch
    {
        "ReceiveMessage" => ReceiveAsync(request, cancellationToken),
        "DeleteMessage" => Task.FromResult(Delete(request)),
        "ChangeMessageVisibility" => Task.FromResult(ChangeVisibility(request)),
        "GetQueueAttributes" => Task.FromResult(Attributes(request)),
        var other => Task.FromResult(FakeSqsReply.UnknownOperation($"AmazonSQS.{other}")),
    };

    private static string Md5(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    private static string NewReceiptHandle() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(96));

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Map(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
}
