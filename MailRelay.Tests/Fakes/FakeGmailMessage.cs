namespace MailRelay.Tests.Fakes;

/// <summary>One message as the fake Gmail received it: the exact bytes, the labels and how it came.</summary>
public sealed record FakeGmailMessage(
    string Id,
    byte[] Raw,
    IReadOnlyList<string> LabelIds,
    DateTimeOffset ReceivedAt,
    string UploadType,
    string? InternalDateSource,
    long Size);
