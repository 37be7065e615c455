namespace MailRelay.Core.Smtp;

/// <summary>
/// Makes the cloud identity behind an SMTP user: a user, its inline sending policy and its access
/// keys. Local: random key pairs that do not work against SES; AWS: IAM. Every failure is a
/// <see cref="SmtpIdentityException"/> whose <see cref="SmtpIdentityException.IsTransient"/> says
/// whether trying again later can help. Nothing here logs the secret of a key.
/// </summary>
public interface ISmtpIdentityProvisioner
{
    /// <summary>True when the key pairs can sign in to SES (false for the local adapter, so the UI can say so).</summary>
    bool IssuesRealCredentials { get; }

    /// <summary>Creates the user with <paramref name="tags"/>; false when it already existed (then it is left as it is).</summary>
    Task<bool> EnsureUserAsync(string iamUserName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the user's sending policy.</summary>
    Task PutPolicyAsync(string iamUserName, string policyJson, CancellationToken cancellationToken);

    /// <summary>A new active access key; the secret is only ever returned here.</summary>
    Task<SmtpAccessKey> CreateAccessKeyAsync(string iamUserName, CancellationToken cancellationToken);

    Task SetAccessKeyActiveAsync(string iamUserName, string accessKeyId, bool active, CancellationToken cancellationToken);

    /// <summary>Deletes one key; a key that is already gone counts as deleted.</summary>
    Task DeleteAccessKeyAsync(string iamUserName, string accessKeyId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every key of the user except <paramref name="keepAccessKeyId"/> (all when null): leftovers of an
    /// interrupted attempt would otherwise hit IAM's limit of two keys per user when a new one is made.
    /// A user that does not exist has no keys.
    /// </summary>
    Task DeleteOtherAccessKeysAsync(string iamUserName, string? keepAccessKeyId, CancellationToken cancellationToken);

    /// <summary>Deletes all keys, all inline policies and the user; whatever is already gone counts as deleted.</summary>
    Task DeleteEverythingAsync(string iamUserName, CancellationToken cancellationToken);
}
