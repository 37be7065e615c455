namespace MailRelay.Core.Domains;

/// <summary>
/// Counts the DNS lookups an SPF record costs a receiver (RFC 7208 §4.6.4): include, a, mx, ptr,
/// exists and redirect each cost one, and include/redirect targets are followed recursively.
/// Past 10 receivers answer permerror, and SPF fails for all the domain's mail.
/// </summary>
public sealed class SpfLookupCounter(IDnsResolver resolver)
{
    public const int Limit = 10;

    public async Task<int> CountAsync(string record, CancellationToken cancellationToken)
    {
        var walk = new Walk();
        await CountAsync(record, walk, cancellationToken);
        return walk.Count;
    }

    private async Task CountAsync(string record, Walk walk, CancellationToken cancellationToken)
    {
        foreach (var term in SpfText.Terms(record))
        {
            var mechanism = term.TrimStart('+', '-', '~', '?');
            var target = Target(mechanism, "include:") ?? Target(mechanism, "redirect=");
            if (target is not null)
            {
                walk.Count++;
                // Stop once over the limit (the answer is already known) and never loop on a cycle.
                if (walk.Count <= Limit && walk.Visited.Add(target) && await FetchAsync(target, cancellationToken) is { } nested)
                    await CountAsync(nested, walk, cancellationToken);
            }
            else if (IsLookup(mechanism))
            {
                walk.Count++;
            }
        }
    }

    private async Task<string?> FetchAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            return (await resolver.ResolveAsync(domain, "TXT", cancellationToken)).FirstOrDefault(SpfText.IsSpf);
        }
        catch (DnsLookupException)
        {
            return null; // the lookup still counts; what it would have added is unknown
        }
    }

    private static string? Target(string mechanism, string prefix) =>
        mechanism.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && mechanism.Length > prefix.Length
            ? mechanism[prefix.Length..].TrimEnd('.').ToLowerInvariant()
            : null;

    private static bool IsLookup(string mechanism)
    {
        var name = mechanism.Split(':', '/')[0].ToLowerInvariant();
        return name is "a" or "mx" or "ptr" or "exists";
    }

    private sealed class Walk
    {
        public int Count { get; set; }

        public HashSet<string> Visited { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
