using System.Globalization;
using System.Net;
using System.Security;

namespace MailRelay.Tests.Support;

/// <summary>
/// A queue behind <see cref="FakeSqsEndpoint"/> that behaves as SQS does: a received message is
/// hidden for its visibility timeout (measured on the given clock) and then delivered again with a
/// new receipt handle and a higher receive count; only the latest handle deletes it (an older one "succeeds" without deleting, as in SQS) or changes its visibility;
/// after <see cref="MaxReceiveCount"/> receives it moves to <see cref="DeadLetters"/> (the redrive
/// policy). Badly signed requests are refused.
/// </summary>
public sealed class FakeSqsQueue(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<Entry> _messages = [];
    private readonly List<string> _deadLetters = [];
    private readonly HashSet<string> _issuedHandles = new(StringComparer.Ordinal);
    private int _sequence;

    private sealed class Entry(string id, string body)
    {
        public string Id { get; } = id;
        public string Body { get; } = body;
        public DateTimeOffset VisibleAt { get; set; }
        public string? Handle { get; set; }
        public int ReceiveCount { get; set; }
    }

    /// <summary>Used when a receive names no <c>VisibilityTimeout</c> (SQS's default is 30 s).</summary>
    public int DefaultVisibilityTimeoutSeconds { get; set; } = 30;

    /// <summary>The redrive policy's maxReceiveCount (the design's DLQ after 5 receives).</summary>
    public int MaxReceiveCount { get; set; } = 5;

    /// <summary>Bodies moved to the dead-letter queue.</summary>
    public IReadOnlyList<string> DeadLetters { get { lock (_gate) return [.. _deadLetters]; } }

    /// <summary>Messages in the queue, visible or in flight.</summary>
    public int Count { get { lock (_gate) return _messages.Count; } }

    public string Send(string body)
    {
        lock (_gate)
        {
            var id = $"sqs-{++_sequence:D4}";
            _messages.Add(new Entry(id, body) { VisibleAt = time.GetUtcNow() });
            return id;
        }
    }

    /// <summary>Plug into <see cref="FakeSqsEndpoint.Respond"/>.</summary>
    public (HttpStatusCode Status, string Xml) Respond(FakeSqsEndpoint.Received request)
    {
        if (request.SignatureProblem is { } problem)
            return (HttpStatusCode.Forbidden, FakeSqsEndpoint.Error("Sender", "SignatureDoesNotMatch", SecurityElement.Escape(problem)));
        var form = request.Form;
        lock (_gate)
        {
            return form["Action"] switch
            {
                "ReceiveMessage" => Receive(Int(form, "MaxNumberOfMessages", 1), Int(form, "VisibilityTimeout", DefaultVisibilityTimeoutSeconds)),
                // SQS answers success for an older handle of a redelivered message, but keeps the message.
                "DeleteMessage" => WithCurrentHandle(form["ReceiptHandle"], "DeleteMessage", entry => _messages.Remove(entry), staleIsOk: true),
                "ChangeMessageVisibility" => WithCurrentHandle(form["ReceiptHandle"], "ChangeMessageVisibility",
                    entry => entry.VisibleAt = time.GetUtcNow().AddSeconds(Int(form, "VisibilityTimeout", 0))),
                "GetQueueAttributes" => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("GetQueueAttributes",
                    Attribute("ApproximateNumberOfMessages", _messages.Count(m => m.VisibleAt <= time.GetUtcNow()))
                    + Attribute("ApproximateNumberOfMessagesNotVisible", _messages.Count(m => m.VisibleAt > time.GetUtcNow())))),
                var other => (HttpStatusCode.BadRequest, FakeSqsEndpoint.Error("Sender", "InvalidAction", $"The action {other} is not valid for this endpoint.")),
            };
        }
    }

    private (HttpStatusCode, string) Receive(int max, int visibilitySeconds)
    {
        var now = time.GetUtcNow();
        var xml = new System.Text.StringBuilder();
        foreach (var entry in _messages.Where(m => m.VisibleAt <= now).Take(max).ToList())
        {
            if (entry.ReceiveCount >= MaxReceiveCount)
            {
                _messages.Remove(entry);
                _deadLetters.Add(entry.Body);
                continue;
            }
            entry.ReceiveCount++;
            entry.Handle = $"{entry.Id}-receipt-{entry.ReceiveCount}-{Guid.NewGuid():N}";
            entry.VisibleAt = now.AddSeconds(visibilitySeconds);
            _issuedHandles.Add(entry.Handle);
            xml.Append(CultureInfo.InvariantCulture, $"<Message><MessageId>{entry.Id}</MessageId><ReceiptHandle>{entry.Handle}</ReceiptHandle>")
                .Append(CultureInfo.InvariantCulture, $"<Body>{SecurityElement.Escape(entry.Body)}</Body>{Attribute("ApproximateReceiveCount", entry.ReceiveCount)}</Message>");
        }
        return (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage", xml.ToString()));
    }

    private (HttpStatusCode, string) WithCurrentHandle(string handle, string action, Action<Entry> change, bool staleIsOk = false)
    {
        var entry = _messages.FirstOrDefault(m => m.Handle == handle);
        if (entry is null && staleIsOk && _issuedHandles.Contains(handle)) return (HttpStatusCode.OK, FakeSqsEndpoint.Ok(action, ""));
        if (entry is null)
            return (HttpStatusCode.BadRequest, FakeSqsEndpoint.Error("Sender", "ReceiptHandleIsInvalid", $"The receipt handle \"{SecurityElement.Escape(handle)}\" is not valid."));
        change(entry);
        return (HttpStatusCode.OK, FakeSqsEndpoint.Ok(action, ""));
    }

    private static string Attribute(string name, int value) =>
        $"<Attribute><Name>{name}</Name><Value>{value.ToString(CultureInfo.InvariantCulture)}</Value></Attribute>";

    private static int Int(IReadOnlyDictionary<string, string> form, string name, int fallback) =>
        form.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
