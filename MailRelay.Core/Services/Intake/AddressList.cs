using System.Text.RegularExpressions;

namespace MailRelay.Core.Services.Intake;

/// <summary>Pulls plain addresses out of a header value such as <c>"Alice" &lt;alice@example.com&gt;, bob@example.com</c>.</summary>
public static partial class AddressList
{
    public static IReadOnlyList<string> Parse(string? headerValue) =>
        headerValue is null ? [] : Address().Matches(headerValue).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();

    [GeneratedRegex(@"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex Address();
}
