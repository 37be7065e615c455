
namespace MailRelay.Core.Domains;

/// <summary>A domain MailRelay sends and receives mail for; the DNS page lists and checks its records.</summary>
public sealed record MailDomain(string Name, string AddedBy, DateTimeOffset AddedAt);
