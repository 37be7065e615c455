using System.Diagnostics.CodeAnalysis;

namespace MailRelay.Core.Common;

/// <summary>
/// What an action gave: its value, or the <see cref="Failure"/> that refused it. Both a value and a
/// <see cref="Domain.Failure"/> convert to a result, so a method can <c>return saved;</c> or <c>return Failure.Conflict(...)</c>.
/// </summary>
public sealed class Result<T> where T : notnull
{
    private Result(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    /// <summary>The value; null when the action failed.</summary>
    public T? Value { get; }

    /// <summary>Why the action did not happen; null when it did.</summary>
    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static Result<T> Ok(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static Result<T> Fail(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) => Fail(failure);

    public override string ToString() => IsSuccess ? $"Ok: {Value}" : $"Failed: {Failure}";
}
