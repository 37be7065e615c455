using System.Text.RegularExpressions;
using MailRelay.Core.Common;

namespace MailRelay.Core.Smtp;

/// <summary>
/// Which From addresses an SMTP user may be allowed: exact addresses or <c>*@domain</c>, always in
/// one of the configured sending domains (SES would refuse anything else anyway, later and less clearly).
/// </summary>
public static partial class FromAddressRules
{
    public const string WildcardPrefix = "*@";

    /// <summary>
    /// Trims, lower-cases, drops blank entries and duplicates, and sorts. Stops at the first entry
    /// that is not an address or wildcard, or whose domain is not a sending domain (Invalid, naming the entry).
    /// </summary>
    public static Result<IReadOnlyList<string>> Normalize(IEnumerable<string> input, IReadOnlyCollection<string> sendingDomains)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sendingDomains);
        var domains = new HashSet<string>(sendingDomains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()), StringComparer.Ordinal);

        var cleaned = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in input)
        {
            var original = (raw ?? "").Trim();
            var entry = original.ToLowerInvariant();
            if (entry.Length == 0) continue;

            var at = entry.LastIndexOf('@');
            var local = at > 0 ? entry[..at] : "";
            var domain = at > 0 ? entry[(at + 1)..] : "";
            var localOk = local == "*" || (local.Length <= 64 && LocalPart().IsMatch(local));
            if (!localOk || !DomainName().IsMatch(domain))
                return Failure.Invalid($"\"{original}\" is not an email address or a *@domain wildcard.");
            if (!domains.Contains(domain))
                return Failure.Invalid(domains.Count == 0
                    ? $"\"{original}\" cannot be allowed: no sending domains are configured."
                    : $"\"{original}\" uses the domain {domain}, which is not a configured sending domain ({string.Join(", ", domains.Order(StringComparer.Ordinal))}).");
            cleaned.Add(entry);
        }
        return Result<IReadOnlyList<string>>.Ok([.. cleaned]);
    }

    // Dot-atom without '*' and '?': those are StringLike wildcards, so an exact address must not carry them.
    [GeneratedRegex(@"^[a-z0-9!#$%&'+\-/=^_`{|}~]+(\.[a-z0-9!#$%&'+\-/=^_`{|}~]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
