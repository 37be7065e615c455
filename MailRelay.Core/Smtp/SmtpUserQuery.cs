
namespace MailRelay.Core.Smtp;

/// <summary>A page of SMTP users; <see cref="Search"/> matches name, owner or an allowed address (case-insensitive).</summary>
public sealed record SmtpUserQuery(string? Search = null, SmtpUserStatus? Status = null, int Skip = 0, int Take = 50);
