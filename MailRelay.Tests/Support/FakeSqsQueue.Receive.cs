using System.Text.Json.Nodes;

namespace MailRelay.Tests.Support;

public sealed partial class FakeSqsQueue
{
    /// <summary>System attributes a receive can ask for by name (or all of them with <c>All</c>).</summary>
    private static readonly string[] MessageSystemAttributes = ["ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SentTimestamp"];

    /// <summary><c>ReceiveMessage</c>: <c>MaxNumberOfMessages</c> (1–10, default 1), <c>WaitTimeSeconds</c> (0–20), <c>VisibilityTimeout</c>.</summary>
    private async Task<FakeSqsReply> ReceiveAsync(FakeSqsRequest request, CancellationToken cancellationToken)
    {
        var max = request.Int("MaxNumberOfMessages") ?? 1;
        var wait = request.Int("WaitTimeSeconds") ?? 0;
        var visibility = request.Int("VisibilityTimeout") ?? DefaultVisibilityTimeoutSeconds;
        if (max is < 1 or > 10)
            return FakeSqsReply.InvalidParameterValue($"Value {max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        if (wait is < 0 or > 20)
            return FakeSqsReply.InvalidParameterValue($"Value {wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
        if (visibility is < 0 or > 43_200)
            return FakeSqsReply.InvalidParameterValue($"Value {visibility} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.");
        // AttributeNames is the older spelling of MessageSystemAttributeNames; SQS takes either.
        var asked = request.Strings("MessageSystemAttributeNames").Concat(request.Strings("AttributeNames")).ToHashSet(StringComparer.Ordinal);

        // The long poll holds a real HTTP request open, so it waits in real time whatever the queue's clock says.
        var started = TimeProvider.System.GetTimestamp();
        Interlocked.Increment(ref _receivesInProgress);
        try
        {
            while (true)
            {
                var messages = Take(max, visibility, asked);
                if (messages.Count > 0 || TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(wait))
                    return FakeSqsReply.Ok(messages.Count == 0 ? [] : new JsonObject { ["Messages"] = new JsonArray([.. messages]) });
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _receivesInProgress);
        }
    }

    private int _receivesInProgress;

    /// <summary>
    /// Receives the endpoint is still serving. A client that gives up on a long poll closes its
    /// connection, but the server learns it a moment later; until then the poll can still take a
    /// message, as with SQS itself.
    /// </summary>
    public int ReceivesInProgress => Volatile.Read(ref _receivesInProgress);

    private List<JsonObject> Take(int max, int visibilitySeconds, IReadOnlySet<string> asked)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var taken = new List<JsonObject>();
            foreach (var entry in _messages.Where(m => m.VisibleAt <= now).ToList())
            {
                if (taken.Count == max) break;
                if (entry.ReceiveCount >= MaxReceiveCount && DeadLetterQueue is { } deadLetters)
                {
                    // The redrive policy: moved, with its message id, instead of being handed out again.
                    _messages.Remove(entry);
                    deadLetters.Add(entry.Id, entry.Body);
                    continue;
                }
                entry.ReceiveCount++;
                entry.FirstReceivedAt ??= now;
                entry.Handle = NewReceiptHandle();
                entry.VisibleAt = now.AddSeconds(visibilitySeconds);
                _issuedHandles.Add(entry.Handle);
                taken.Add(Message(entry, asked));
            }
            return taken;
        }
    }

    private static JsonObject Message(Entry entry, IReadOnlySet<string> asked)
    {
        var message = new JsonObject
        {
            ["MessageId"] = entry.Id,
            ["ReceiptHandle"] = entry.Handle,
            ["MD5OfBody"] = Md5(entry.Body),
            ["Body"] = entry.Body,
        };
        var attributes = MessageSystemAttributes.Where(name => asked.Contains("All") || asked.Contains(name)).ToDictionary(name => name, name => name switch
        {
            "ApproximateReceiveCount" => Invariant(entry.ReceiveCount),
            "ApproximateFirstReceiveTimestamp" => Invariant(entry.FirstReceivedAt!.Value.ToUnixTimeMilliseconds()),
            _ => Invariant(entry.SentAt.ToUnixTimeMilliseconds()),
        });
        if (attributes.Count > 0) message["Attributes"] = Map(attributes);
        return message;
    }
}
