using System.Diagnostics.CodeAnalysis;

namespace MailRelay.Core.Common;

/// <summary>
/// How an action without a value went: done, or the <see cref="Failure"/> that refused it.
/// A <see cref="Domain.Failure"/> converts to a failed result, so a method can <c>return Failure.NotFound(...)</c>.
/// </summary>
public sealed class Result
{
    private static readonly Result Done = new(null);

    private Result(Failure? failure) => Failure = failure;

    /// <summary>Why the action did not happen; null when it did.</summary>
    public Failure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static Result Ok() => Done;

    public static Result Fail(Failure failure) => new(failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator Result(Failure failure) => Fail(failure);

    public override string ToString() => IsSuccess ? "Ok" : $"Failed: {Failure}";
}
