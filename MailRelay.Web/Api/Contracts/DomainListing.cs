using MailRelay.Core.Domains;

namespace MailRelay.Web.Api.Contracts;

/// <summary>
/// What the DNS page lists: the domains, the configured ones not on the list yet, and the last
/// check of each listed domain that has been checked since the app started.
/// </summary>
public sealed record DomainListing(IReadOnlyList<MailDomain> Domains, IReadOnlyList<string> Suggested, IReadOnlyList<DomainCheckReport> LastChecks);
