namespace MailRelay.Core.Smtp;

/// <summary>
/// An SES SMTP login issued to a user: an IAM user whose inline policy only allows its From
/// addresses, and one access key. <see cref="ProtectedPassword"/> is the SMTP password encrypted
/// through <c>ISecretProtector</c> with <see cref="Id"/> as context; the secret key is never kept.
/// </summary>
public sealed record SmtpUser(
    string Id,
    string Name,
    string OwnerUserId,
    IReadOnlyList<string> AllowedFrom,
    SmtpUserStatus Status,
    string IamUserName,
    string? AccessKeyId,
    string? ProtectedPassword,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    IReadOnlyList<SmtpUserError> ErrorHistory,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastRotatedAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil)
{
    /// <summary>A new record waiting for its first provisioning attempt.</summary>
    public static SmtpUser New(string id, string name, string ownerUserId, IReadOnlyList<string> allowedFrom, string iamUserName, DateTimeOffset now) =>
        new(id, name, ownerUserId, allowedFrom, SmtpUserStatus.Pending, iamUserName, null, null, 0, null, null, [], now, null, null, null);
}
