namespace MailRelay.Core.Common;

/// <summary>An expected refusal: its <see cref="FailureKind"/> and the sentence shown to the user, as is.</summary>
public sealed record Failure(FailureKind Kind, string Message)
{
    /// <summary>See <see cref="FailureKind.Invalid"/>.</summary>
    public static Failure Invalid(string message) => new(FailureKind.Invalid, message);

    /// <summary>See <see cref="FailureKind.NotFound"/>.</summary>
    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    /// <summary>See <see cref="FailureKind.Conflict"/>.</summary>
    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    /// <summary>See <see cref="FailureKind.Unavailable"/>.</summary>
    public static Failure Unavailable(string message) => new(FailureKind.Unavailable, message);
}
