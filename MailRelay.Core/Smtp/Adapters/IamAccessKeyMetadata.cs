namespace MailRelay.Core.Smtp.Adapters;

/// <summary>One access key as ListAccessKeys describes it (no secret: IAM only returns that once, from CreateAccessKey).</summary>
public sealed record IamAccessKeyMetadata(string UserName, string AccessKeyId, IamAccessKeyStatus Status, DateTimeOffset? CreateDate);
