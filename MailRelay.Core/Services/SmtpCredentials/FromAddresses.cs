namespace MailRelay.Core.Services.SmtpCredentials;

/// <summary>
/// The outcome of <see cref="FromAddressRules.Normalize"/>: the cleaned list (lower-cased,
/// de-duplicated, sorted), or a sentence naming the first bad entry.
/// </summary>
public sealed record FromAddresses(IReadOnlyList<string> Addresses, string? Error)
{
    public bool IsValid => Error is null;

    public static FromAddresses Valid(IReadOnlyList<string> addresses) => new(addresses, null);

    public static FromAddresses Invalid(string error) => new([], error);
}
