namespace MailRelay.Core.Common;

/// <summary>A page cursor that was altered, cut short, or made by another list or filter: the caller's mistake (HTTP 400).</summary>
public sealed class InvalidCursorException(string reason)
    : ArgumentException($"Invalid cursor: {reason}. Start again from the first page.", "after");
