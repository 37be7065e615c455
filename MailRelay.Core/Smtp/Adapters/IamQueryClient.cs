using System.Xml.Linq;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.Aws;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// The IAM calls SMTP credential provisioning needs, over the IAM query protocol (form POST to the
/// global endpoint, XML answers), signed with <see cref="SigV4Signer"/>: there is no
/// AWSSDK.IdentityManagement in our registry. IAM is global; its signing region is us-east-1.
/// Refusals throw <see cref="IamException"/>. Nothing here logs, and no exception carries a
/// request parameter, so the secret of a new key only ever leaves in <see cref="IamNewAccessKey"/>.
/// </summary>
public sealed class IamQueryClient(HttpClient http, AWSCredentials credentials, TimeProvider timeProvider, Uri? serviceUrl = null)
{
    public const string ApiVersion = "2010-05-08";
    public const string SigningRegion = "us-east-1";
    public const string UserPath = "/mailrelay/";
    public static readonly Uri DefaultEndpoint = new("https://iam.amazonaws.com/");

    private readonly AwsQueryProtocol _protocol = new(http, new SigV4Signer("iam", SigningRegion), credentials, timeProvider,
        serviceUrl ?? DefaultEndpoint, "IAM", ApiVersion,
        (code, message, status, type, requestId, inner) => new IamException(code, message, status, type, requestId, inner));

    /// <summary>Creates the user under <see cref="UserPath"/> with the given tags (e.g. record id, owner).</summary>
    public async Task<IamUser> CreateUserAsync(string userName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(tags);
        var parameters = new List<KeyValuePair<string, string>> { new("UserName", userName), new("Path", UserPath) };
        var n = 0;
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            n++;
            parameters.Add(new($"Tags.member.{n}.Key", key));
            parameters.Add(new($"Tags.member.{n}.Value", value));
        }
        return IamXml.User(await CallAsync("CreateUser", parameters, cancellationToken));
    }

    /// <summary>Creates or replaces the inline policy <paramref name="policyName"/>.</summary>
    public async Task PutUserPolicyAsync(string userName, string policyName, string policyDocument, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(policyName);
        ArgumentException.ThrowIfNullOrEmpty(policyDocument);
        await CallAsync("PutUserPolicy", [new("UserName", userName), new("PolicyName", policyName), new("PolicyDocument", policyDocument)], cancellationToken);
    }

    public async Task<IamNewAccessKey> CreateAccessKeyAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        return IamXml.NewAccessKey(await CallAsync("CreateAccessKey", [new("UserName", userName)], cancellationToken));
    }

    public async Task UpdateAccessKeyAsync(string userName, string accessKeyId, IamAccessKeyStatus status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        await CallAsync("UpdateAccessKey", [new("UserName", userName), new("AccessKeyId", accessKeyId), new("Status", status.ToString())], cancellationToken);
    }

    /// <summary>All of the user's access keys, following <c>Marker</c> across pages.</summary>
    public async Task<IReadOnlyList<IamAccessKeyMetadata>> ListAccessKeysAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        var keys = new List<IamAccessKeyMetadata>();
        await ForEachPageAsync("ListAccessKeys", userName, page => keys.AddRange(IamXml.AccessKeys(page)), cancellationToken);
        return keys;
    }

    public async Task DeleteAccessKeyAsync(string userName, string accessKeyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        await CallAsync("DeleteAccessKey", [new("UserName", userName), new("AccessKeyId", accessKeyId)], cancellationToken);
    }

    /// <summary>The names of the user's inline policies, following <c>Marker</c> across pages.</summary>
    public async Task<IReadOnlyList<string>> ListUserPoliciesAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        var names = new List<string>();
        await ForEachPageAsync("ListUserPolicies", userName, page => names.AddRange(IamXml.PolicyNames(page)), cancellationToken);
        return names;
    }

    public async Task DeleteUserPolicyAsync(string userName, string policyName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(policyName);
        await CallAsync("DeleteUserPolicy", [new("UserName", userName), new("PolicyName", policyName)], cancellationToken);
    }

    /// <summary>IAM refuses (DeleteConflict) while the user still has keys or inline policies: delete those first.</summary>
    public async Task DeleteUserAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        await CallAsync("DeleteUser", [new("UserName", userName)], cancellationToken);
    }

    private async Task ForEachPageAsync(string action, string userName, Action<XDocument> read, CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("UserName", userName) };
            if (marker is not null) parameters.Add(new("Marker", marker));
            var page = await CallAsync(action, parameters, cancellationToken);
            read(page);
            marker = IamXml.NextMarker(page);
        }
        while (marker is not null);
    }

    private Task<XDocument> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        _protocol.CallAsync(action, parameters, cancellationToken);
}
