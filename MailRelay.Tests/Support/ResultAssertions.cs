using MailRelay.Core.Common;

namespace MailRelay.Tests.Support;

/// <summary>Asserts on a service's <see cref="Result"/>: the failure's sentence is the assertion message when it should have worked.</summary>
public static class ResultAssertions
{
    public static T ShouldSucceed<T>(this Result<T> result) where T : notnull
    {
        result.Failure.ShouldBeNull();
        return result.Value!;
    }

    public static void ShouldSucceed(this Result result) => result.Failure.ShouldBeNull();

    public static Failure ShouldFail<T>(this Result<T> result) where T : notnull => result.Failure.ShouldNotBeNull();

    public static Failure ShouldFail(this Result result) => result.Failure.ShouldNotBeNull();
}
