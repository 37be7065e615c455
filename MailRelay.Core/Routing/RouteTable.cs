using MailRelay.Core.Common;

namespace MailRelay.Core.Routing;

/// <summary>
/// Finds the route for an envelope recipient. First match wins, in this order: the exact
/// address, the address without its +tag, <c>*@domain</c>, then <c>*</c>. Patterns compare
/// case-insensitively.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, MailRoute> _byPattern;

    public RouteTable(IEnumerable<MailRoute> routes) =>
        _byPattern = routes.ToDictionary(r => r.Pattern.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    public MailRoute? Match(string recipient)
    {
        var address = RecipientAddress.Parse(recipient);
        if (address is null) return _byPattern.GetValueOrDefault("*");
        foreach (var candidate in new[] { address.Address, address.Untagged, "*@" + address.Domain, "*" })
        {
            if (_byPattern.TryGetValue(candidate, out var route)) return route;
        }
        return null;
    }

    /// <summary>Normalises a pattern typed by an admin, or explains why it is not one (Invalid).</summary>
    public static Result<string> NormalizePattern(string? input)
    {
        var pattern = input?.Trim().ToLowerInvariant() ?? "";
        if (pattern == "*") return pattern;
        if (pattern.StartsWith("*@", StringComparison.Ordinal))
        {
            var domain = pattern[2..];
            return domain.Length > 0 && domain.Contains('.') && !domain.Contains('@') && !domain.Contains('*')
                ? pattern
                : Failure.Invalid($"'{input}' is not a domain pattern; write it like *@example.com.");
        }
        var address = RecipientAddress.Parse(pattern);
        return address is not null && !pattern.Contains('*') && address.Domain.Contains('.')
            ? address.Address
            : Failure.Invalid($"'{input}' is not an address, *@domain or *.");
    }
}
