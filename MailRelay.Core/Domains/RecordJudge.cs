namespace MailRelay.Core.Domains;

/// <summary>Judges what DNS holds against an expected record (all but SPF, which needs lookups of its own).</summary>
public static class RecordJudge
{
    public static RecordCheck Cname(ExpectedRecord e, IReadOnlyList<string> found) =>
        found.Count == 0 ? Missing(e, found)
        : found.Contains(e.Value!, StringComparer.OrdinalIgnoreCase) ? Ok(e, found)
        : new(e, DnsCheckStatus.Different, found, $"Points to {string.Join(", ", found)}, not {e.Value}.");

    public static RecordCheck Mx(ExpectedRecord e, IReadOnlyList<string> found)
    {
        if (found.Count == 0) return Missing(e, found);
        var expectedHost = HostOf(e.Value!);
        var hosts = found.Select(HostOf).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (!hosts.Contains(expectedHost, StringComparer.OrdinalIgnoreCase))
            return new(e, DnsCheckStatus.Different, found, $"The MX does not point to SES: mail goes to {string.Join(", ", hosts)}, not {expectedHost}.");
        var others = hosts.Where(h => !h.Equals(expectedHost, StringComparison.OrdinalIgnoreCase)).ToList();
        return others.Count == 0
            ? Ok(e, found)
            : new(e, DnsCheckStatus.Warning, found, $"Other MX hosts too ({string.Join(", ", others)}): mail that senders deliver there never reaches SES.");
    }

    /// <summary>The SES verification token: any TXT value of the name may be it.</summary>
    public static RecordCheck ExactTxt(ExpectedRecord e, IReadOnlyList<string> found) =>
        found.Count == 0 ? Missing(e, found)
        : found.Contains(e.Value!, StringComparer.Ordinal) ? Ok(e, found)
        : new(e, DnsCheckStatus.Different, found, "The TXT record holds another token than the one SES gave for this domain.");

    /// <summary>A TXT record known by its version tag (<c>v=STSv1</c>, <c>v=TLSRPTv1</c>), of which there must be exactly one.</summary>
    public static RecordCheck TaggedTxt(ExpectedRecord e, IReadOnlyList<string> found, string versionTag)
    {
        var candidates = found.Where(f => f.TrimStart().StartsWith(versionTag, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0) return Missing(e, found);
        if (candidates.Count > 1)
            return new(e, DnsCheckStatus.Different, found, $"{candidates.Count} {versionTag} records: senders ignore them all when there is more than one.");
        return Tags.Normalize(candidates[0]).Equals(Tags.Normalize(e.Value!), StringComparison.OrdinalIgnoreCase)
            ? Ok(e, found)
            : new(e, DnsCheckStatus.Different, found, $"Found \"{candidates[0]}\", expected \"{e.Value}\".");
    }

    public static RecordCheck Dmarc(ExpectedRecord e, IReadOnlyList<string> found, string configuredPolicy, string? reportAddress)
    {
        var records = found.Where(f => f.TrimStart().StartsWith("v=DMARC1", StringComparison.OrdinalIgnoreCase)).ToList();
        if (records.Count == 0) return Missing(e, found);
        if (records.Count > 1)
            return new(e, DnsCheckStatus.Different, found, $"{records.Count} DMARC records: receivers ignore DMARC when there is more than one.");
        var tags = Tags.Parse(records[0]);
        var policy = tags.GetValueOrDefault("p")?.ToLowerInvariant();
        if (policy == "none")
            return new(e, DnsCheckStatus.Warning, found, "DMARC p=none only monitors: receivers still deliver mail that fails DMARC, so spoofed mail arrives. Use p=quarantine once the reports look clean.");
        if (!string.Equals(policy, configuredPolicy, StringComparison.OrdinalIgnoreCase))
            return new(e, DnsCheckStatus.Different, found, $"The policy is p={policy ?? "(none given)"}, but Dns:DmarcPolicy asks for p={configuredPolicy.ToLowerInvariant()}.");
        if (!string.IsNullOrEmpty(reportAddress) && !(tags.GetValueOrDefault("rua") ?? "").Contains($"mailto:{reportAddress}", StringComparison.OrdinalIgnoreCase))
            return new(e, DnsCheckStatus.Warning, found, $"Aggregate reports do not go to {reportAddress}, so nobody here sees who sends as the domain.");
        return Ok(e, found);
    }

    public static RecordCheck Missing(ExpectedRecord e, IReadOnlyList<string> found) =>
        new(e, DnsCheckStatus.Missing, found, found.Count == 0 ? "Not found in DNS." : "Other records were found, but not this one.");

    public static RecordCheck Ok(ExpectedRecord e, IReadOnlyList<string> found) => new(e, DnsCheckStatus.Ok, found, null);

    private static string HostOf(string mx) => mx.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('.');
}
