
namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// An access token, or why there is none. A class, not a record, so that printing or logging it
/// can never show the token.
/// </summary>
public sealed class GoogleAccessToken
{
    private GoogleAccessToken(string? value, GoogleTokenFailure failure, string? error)
    {
        Value = value;
        Failure = failure;
        Error = error;
    }

    /// <summary>The bearer token; never log or store it.</summary>
    public string? Value { get; }

    public GoogleTokenFailure Failure { get; }

    /// <summary>A sentence for people (Google's error code and description), free of secrets.</summary>
    public string? Error { get; }

    public bool Succeeded => Value is not null;

    public static GoogleAccessToken Issued(string value) => new(value, GoogleTokenFailure.None, null);

    public static GoogleAccessToken Fail(GoogleTokenFailure failure, string error) => new(null, failure, error);

    public override string ToString() => Succeeded ? "GoogleAccessToken(issued)" : $"GoogleAccessToken({Failure}: {Error})";
}
