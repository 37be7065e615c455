namespace MailRelay.Core.Smtp.Adapters;

/// <summary>An IAM user as CreateUser returns it.</summary>
public sealed record IamUser(string UserName, string UserId, string Arn, string Path, DateTimeOffset? CreateDate);
