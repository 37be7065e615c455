namespace MailRelay.Core.Configuration;

/// <summary>
/// The one way every options validator words its sentences, so a bad setting always names its
/// key and the values that would have worked.
/// </summary>
public static class ProviderChoice
{
    public static string? UnknownProvider(string section, string? provider, params string[] known) =>
        known.Contains(provider, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{section}:Provider '{provider}' is not known; use one of: {string.Join(", ", known)}.";

    public static string? Required(string key, string? value, string? when = null) =>
        string.IsNullOrWhiteSpace(value)
            ? $"{key} is required{(when is null ? "" : $" when {when}")}."
            : null;

    public static string? AbsoluteHttpUrl(string key, string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{key} must be an absolute http(s) URL, but is '{value}'.";

    /// <summary>Turns the sentences of a validator into the result the options system expects.</summary>
    public static Microsoft.Extensions.Options.ValidateOptionsResult ToResult(params string?[] failures)
    {
        var real = failures.Where(f => f is not null).Cast<string>().ToArray();
        return real.Length == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(real);
    }
}
