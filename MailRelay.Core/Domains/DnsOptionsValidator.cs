using System.Text.RegularExpressions;
using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Domains;

public sealed partial class DnsOptionsValidator : IValidateOptions<DnsOptions>
{
    public ValidateOptionsResult Validate(string? name, DnsOptions options) =>
        ProviderChoice.ToResult([
            ProviderChoice.UnknownProvider(DnsOptions.SectionName, options.Provider, DnsOptions.DnsOverHttps),
            ProviderChoice.AbsoluteHttpUrl("Dns:ResolverUrl", options.ResolverUrl),
            ProviderChoice.Required("Dns:Region", options.Region),
            OneOf("Dns:DmarcPolicy", options.DmarcPolicy, "none", "quarantine", "reject"),
            OneOf("Dns:MtaStsMode", options.MtaStsMode, "enforce", "testing", "none"),
            OneOf("Dns:SpfAll", options.SpfAll, "~all", "-all"),
            Label().IsMatch(options.MailFromSubdomain ?? "") ? null : $"Dns:MailFromSubdomain must be one DNS label (letters, digits, hyphens), but is '{options.MailFromSubdomain}'.",
            string.IsNullOrEmpty(options.MtaStsPolicyId) || PolicyId().IsMatch(options.MtaStsPolicyId) ? null : $"Dns:MtaStsPolicyId must be 1 to 32 letters or digits (RFC 8461), but is '{options.MtaStsPolicyId}'.",
            Address("Dns:DmarcReportAddress", options.DmarcReportAddress),
            Address("Dns:TlsReportAddress", options.TlsReportAddress),
            options.RecordTtl is >= 60 and <= 604800 ? null : $"Dns:RecordTtl must be between 60 and 604800 seconds, but is {options.RecordTtl}.",
            options.CheckInterval >= TimeSpan.FromMinutes(5) ? null : $"Dns:CheckInterval must be at least 5 minutes, but is {options.CheckInterval}.",
            .. options.Domains.Select(d => DomainName.Normalize(d.Key).Failure?.Message is { } error ? $"Dns:Domains:{d.Key}: {error}" : null),
            .. options.Domains.Select(d => d.Value.DkimTokens.Count is 0 or 3 ? null : $"Dns:Domains:{d.Key}:DkimTokens must hold the three tokens SES gives, but holds {d.Value.DkimTokens.Count}."),
        ]);

    private static string? OneOf(string key, string? value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"{key} '{value}' is not known; use one of: {string.Join(", ", allowed)}.";

    private static string? Address(string key, string? value) =>
        string.IsNullOrEmpty(value) || EmailAddress().IsMatch(value) ? null : $"{key} must be an email address, but is '{value}'.";

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex PolicyId();

    [GeneratedRegex(@"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")]
    private static partial Regex EmailAddress();
}
