using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// One signed round trip of AWS's query protocol (form POST with Action and Version, XML answer,
/// <c>ErrorResponse</c> on failure), for services whose AWS SDK package our registry lacks (IAM).
/// Each client supplies its service name for messages and how to make its own exception type.
/// </summary>
internal sealed class AwsQueryProtocol(
    HttpClient http,
    SigV4Signer signer,
    AWSCredentials credentials,
    TimeProvider timeProvider,
    Uri endpoint,
    string serviceName,
    string apiVersion,
    Func<string, string, HttpStatusCode?, string?, string?, Exception?, Exception> error)
{
    public async Task<XDocument> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action) };
        form.AddRange(parameters);
        form.Add(new("Version", apiVersion));

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        var identity = await credentials.GetCredentialsAsync();
        await signer.SignAsync(request, identity, timeProvider.GetUtcNow(), cancellationToken);

        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw error("RequestFailed", $"{action} could not reach {serviceName}: {e.Message}", null, null, null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw error("RequestTimeout", $"{action} timed out.", null, null, null, e);
        }

        using (response)
        {
            var document = AwsQueryXml.TryParse(body);
            if (response.IsSuccessStatusCode && document is not null && AwsQueryXml.Error(document) is null) return document;
            if (document is not null && AwsQueryXml.Error(document) is { } failure)
                throw error(failure.Code, failure.Message, response.StatusCode, failure.Type, failure.RequestId, null);
            // Not the service's XML (a proxy's page, an empty body): never echo it, it may be anything.
            throw error($"Http{(int)response.StatusCode}", $"{action} answered HTTP {(int)response.StatusCode} without an {serviceName} document.",
                response.StatusCode, null, null, null);
        }
    }
}
