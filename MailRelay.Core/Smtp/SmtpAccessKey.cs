namespace MailRelay.Core.Smtp;

/// <summary>A new access key. <see cref="ToString"/> hides the secret so logging the record cannot leak it.</summary>
public sealed record SmtpAccessKey(string AccessKeyId, string SecretAccessKey)
{
    public override string ToString() => $"{nameof(SmtpAccessKey)} {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = (hidden) }}";
}
