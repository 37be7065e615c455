
namespace MailRelay.Core.Domains;

/// <summary>One expected record, what DNS holds for it, and a sentence on what that means.</summary>
public sealed record RecordCheck(ExpectedRecord Record, DnsCheckStatus Status, IReadOnlyList<string> Found, string? Explanation);
