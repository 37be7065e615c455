using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// The default: nothing external. Issues a random key id (<c>AKIA</c> + 16) and a random 40-character
/// secret shaped like IAM's, which do not work against SES. Keys are remembered in memory only so
/// enable/disable/rotate behave like IAM within one run.
/// </summary>
public sealed class LocalSmtpIdentityProvisioner : ISmtpIdentityProvisioner
{
    private const string KeyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _users = new(StringComparer.OrdinalIgnoreCase);

    public bool IssuesRealCredentials => false;

    public Task<bool> EnsureUserAsync(string iamUserName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryAdd(iamUserName, new ConcurrentDictionary<string, bool>(StringComparer.Ordinal)));

    public Task PutPolicyAsync(string iamUserName, string policyJson, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SmtpAccessKey> CreateAccessKeyAsync(string iamUserName, CancellationToken cancellationToken)
    {
        var key = new SmtpAccessKey("AKIA" + RandomNumberGenerator.GetString(KeyIdAlphabet, 16), RandomNumberGenerator.GetString(SecretAlphabet, 40));
        _users.GetOrAdd(iamUserName, _ => new(StringComparer.Ordinal))[key.AccessKeyId] = true;
        return Task.FromResult(key);
    }

    public Task SetAccessKeyActiveAsync(string iamUserName, string accessKeyId, bool active, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(iamUserName, out var keys)) keys[accessKeyId] = active;
        return Task.CompletedTask;
    }

    public Task DeleteAccessKeyAsync(string iamUserName, string accessKeyId, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(iamUserName, out var keys)) keys.TryRemove(accessKeyId, out _);
        return Task.CompletedTask;
    }

    public Task DeleteOtherAccessKeysAsync(string iamUserName, string? keepAccessKeyId, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(iamUserName, out var keys))
        {
            foreach (var keyId in keys.Keys.Where(k => k != keepAccessKeyId)) keys.TryRemove(keyId, out _);
        }
        return Task.CompletedTask;
    }

    /// <summary>The user's key ids, for the contract tests (IAM's are read from the fake IAM).</summary>
    internal IReadOnlyCollection<string> KeysOf(string iamUserName) =>
        _users.TryGetValue(iamUserName, out var keys) ? [.. keys.Keys] : [];

    public Task DeleteEverythingAsync(string iamUserName, CancellationToken cancellationToken)
    {
        _users.TryRemove(iamUserName, out _);
        return Task.CompletedTask;
    }
}
