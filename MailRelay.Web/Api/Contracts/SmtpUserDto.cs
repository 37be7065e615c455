using MailRelay.Core.Smtp;

namespace MailRelay.Web.Api.Contracts;

/// <summary>An SMTP user without its secret or lease details.</summary>
public sealed record SmtpUserDto(
    string Id, string Name, string OwnerUserId, IReadOnlyList<string> AllowedFrom, string Status, string? AccessKeyId,
    int Attempts, string? LastError, IReadOnlyList<SmtpUserError> ErrorHistory, DateTimeOffset CreatedAt, DateTimeOffset? LastRotatedAt)
{
    public static SmtpUserDto Of(SmtpUser user) => new(user.Id, user.Name, user.OwnerUserId, user.AllowedFrom, user.Status.ToString(), user.AccessKeyId,
        user.Attempts, user.LastError, user.ErrorHistory, user.CreatedAt, user.LastRotatedAt);
}
