namespace MailRelay.Tests.Support;

public sealed partial class FakeSqsQueue
{
    /// <summary>Queue attributes <c>GetQueueAttributes</c> answers (or all of them with <c>All</c>).</summary>
    private static readonly string[] QueueAttributes =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "VisibilityTimeout", "QueueArn"];

    /// <summary><c>DeleteMessage</c>: the latest handle deletes; an older one of the same message succeeds and deletes nothing.</summary>
    private FakeSqsReply Delete(FakeSqsRequest request)
    {
        var handle = request.String("ReceiptHandle") ?? "";
        lock (_gate)
        {
            if (_messages.FirstOrDefault(m => m.Handle == handle) is { } entry) _messages.Remove(entry);
            else if (!_issuedHandles.Contains(handle)) return FakeSqsReply.ReceiptHandleIsInvalid(handle);
            return FakeSqsReply.Ok();
        }
    }

    /// <summary>
    /// <c>ChangeMessageVisibility</c>: only with the latest handle of a message still in flight
    /// (one whose visibility timeout has run out is no longer in flight).
    /// </summary>
    private FakeSqsReply ChangeVisibility(FakeSqsRequest request)
    {
        var handle = request.String("ReceiptHandle") ?? "";
        if (request.Int("VisibilityTimeout") is not { } seconds || seconds is < 0 or > 43_200)
            return FakeSqsReply.InvalidParameterValue($"Value {request.Body["VisibilityTimeout"]?.ToJsonString() ?? "null"} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200.");
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_messages.FirstOrDefault(m => m.Handle == handle) is not { } entry) return FakeSqsReply.ReceiptHandleIsInvalid(handle);
            if (entry.VisibleAt <= now) return FakeSqsReply.MessageNotInflight();
            entry.VisibleAt = now.AddSeconds(seconds);
            return FakeSqsReply.Ok();
        }
    }

    private FakeSqsReply Attributes(FakeSqsRequest request)
    {
        var asked = request.Strings("AttributeNames");
        if (asked.FirstOrDefault(name => name != "All" && !QueueAttributes.Contains(name)) is { } unknown) return FakeSqsReply.InvalidAttributeName(unknown);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var values = QueueAttributes.Where(name => asked.Contains("All") || asked.Contains(name)).ToDictionary(name => name, name => name switch
            {
                "ApproximateNumberOfMessages" => Invariant(_messages.Count(m => m.VisibleAt <= now)),
                "ApproximateNumberOfMessagesNotVisible" => Invariant(_messages.Count(m => m.VisibleAt > now)),
                "VisibilityTimeout" => Invariant(DefaultVisibilityTimeoutSeconds),
                _ => $"arn:aws:sqs:{FakeSqsEndpoint.Region}:123456789012:{Url[(Url.LastIndexOf('/') + 1)..]}",
            });
            return FakeSqsReply.Ok(values.Count == 0 ? [] : new() { ["Attributes"] = Map(values) });
        }
    }
}
