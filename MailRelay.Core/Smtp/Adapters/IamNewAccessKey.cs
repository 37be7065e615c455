namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// A freshly created access key, the only time IAM reveals its secret. <see cref="ToString"/>
/// leaves the secret out so that logging or interpolating the record cannot leak it.
/// </summary>
public sealed record IamNewAccessKey(string UserName, string AccessKeyId, string SecretAccessKey, IamAccessKeyStatus Status, DateTimeOffset? CreateDate)
{
    public override string ToString() =>
        $"{nameof(IamNewAccessKey)} {{ UserName = {UserName}, AccessKeyId = {AccessKeyId}, SecretAccessKey = (hidden), Status = {Status} }}";
}
