namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// SMTP identities as IAM users under <see cref="IamQueryClient.UserPath"/> with one inline policy
/// (<see cref="PolicyName"/>). IAM errors become <see cref="SmtpIdentityException"/>; NoSuchEntity
/// while deleting counts as done, EntityAlreadyExists on create as "already there".
/// </summary>
public sealed class IamSmtpIdentityProvisioner(IamQueryClient iam) : ISmtpIdentityProvisioner
{
    public const string PolicyName = "mailrelay-ses-send";

    public bool IssuesRealCredentials => true;

    public Task<bool> EnsureUserAsync(string iamUserName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            try
            {
                await iam.CreateUserAsync(iamUserName, tags, cancellationToken);
                return true;
            }
            catch (IamException e) when (e.IsEntityAlreadyExists)
            {
                return false;
            }
        });

    public Task PutPolicyAsync(string iamUserName, string policyJson, CancellationToken cancellationToken) =>
        Call(() => iam.PutUserPolicyAsync(iamUserName, PolicyName, policyJson, cancellationToken));

    public Task<SmtpAccessKey> CreateAccessKeyAsync(string iamUserName, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            var key = await iam.CreateAccessKeyAsync(iamUserName, cancellationToken);
            return new SmtpAccessKey(key.AccessKeyId, key.SecretAccessKey);
        });

    public Task SetAccessKeyActiveAsync(string iamUserName, string accessKeyId, bool active, CancellationToken cancellationToken) =>
        Call(() => iam.UpdateAccessKeyAsync(iamUserName, accessKeyId, active ? IamAccessKeyStatus.Active : IamAccessKeyStatus.Inactive, cancellationToken));

    public Task DeleteAccessKeyAsync(string iamUserName, string accessKeyId, CancellationToken cancellationToken) =>
        Call(() => IgnoreMissing(() => iam.DeleteAccessKeyAsync(iamUserName, accessKeyId, cancellationToken)));

    public Task DeleteOtherAccessKeysAsync(string iamUserName, string? keepAccessKeyId, CancellationToken cancellationToken) =>
        Call(() => IgnoreMissing(async () =>
        {
            foreach (var key in await iam.ListAccessKeysAsync(iamUserName, cancellationToken))
            {
                if (key.AccessKeyId != keepAccessKeyId) await IgnoreMissing(() => iam.DeleteAccessKeyAsync(iamUserName, key.AccessKeyId, cancellationToken));
            }
        }));

    public Task DeleteEverythingAsync(string iamUserName, CancellationToken cancellationToken) =>
        Call(() => IgnoreMissing(async () =>
        {
            foreach (var key in await iam.ListAccessKeysAsync(iamUserName, cancellationToken))
                await IgnoreMissing(() => iam.DeleteAccessKeyAsync(iamUserName, key.AccessKeyId, cancellationToken));
            foreach (var policy in await iam.ListUserPoliciesAsync(iamUserName, cancellationToken))
                await IgnoreMissing(() => iam.DeleteUserPolicyAsync(iamUserName, policy, cancellationToken));
            await iam.DeleteUserAsync(iamUserName, cancellationToken);
        }));

    private static async Task IgnoreMissing(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (IamException e) when (e.IsNoSuchEntity)
        {
        }
    }

    private static async Task Call(Func<Task> action) => await Call(async () => { await action(); return true; });

    private static async Task<T> Call<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (IamException e)
        {
            throw new SmtpIdentityException(e.Message, e.IsTransient, e);
        }
    }
}
