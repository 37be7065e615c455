using MailRelay.Core.Domain;

namespace MailRelay.Core.Services.SmtpCredentials;

/// <summary>The new record, or a sentence saying why it was not created.</summary>
public sealed record SmtpUserCreateResult(SmtpUser? User, string? Error);
