
namespace MailRelay.Core.Smtp;

/// <summary>
/// A page of SMTP users; <see cref="Search"/> matches name, owner or an allowed address (case-insensitive).
/// <see cref="After"/> is the previous page's <c>Next</c> cursor for the same search and status (see <see cref="Common.PageRequest"/>).
/// </summary>
public sealed record SmtpUserQuery(string? Search = null, SmtpUserStatus? Status = null, int Skip = 0, int Take = 50, string? After = null);
