
namespace MailRelay.Core.Domains;

/// <summary>
/// One record a domain needs. <see cref="Value"/> is null when configuration lacks what it is made
/// from; <see cref="MissingSetting"/> then names the setting, so no wrong value is ever shown.
/// </summary>
/// <param name="Name">The owner name, without the trailing dot.</param>
/// <param name="Value">TXT text, CNAME target, or MX "priority host".</param>
/// <param name="Why">What breaks when the record is missing or wrong.</param>
public sealed record ExpectedRecord(string Domain, RecordPurpose Purpose, string Name, string Type, string? Value, string? MissingSetting, string Why)
{
    public static ExpectedRecord Unconfigured(string domain, RecordPurpose purpose, string name, string type, string setting, string why) =>
        new(domain, purpose, name, type, null, setting, why);
}
