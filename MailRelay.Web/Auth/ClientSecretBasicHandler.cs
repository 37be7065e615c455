using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MailRelay.Web.Auth;

/// <summary>
/// Sends a confidential client's secret as HTTP Basic credentials (<c>client_secret_basic</c>),
/// the method Cognito's token endpoint documents, instead of in the form body where the
/// OpenID Connect handler puts it. Only a form that carries <c>client_secret</c> (the code
/// redemption) is changed; discovery and JWKS requests pass through untouched, so the secret
/// never goes anywhere but the token endpoint.
/// </summary>
public sealed class ClientSecretBasicHandler : DelegatingHandler
{
    public ClientSecretBasicHandler(HttpMessageHandler innerHandler) : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is FormUrlEncodedContent content)
        {
            var form = QueryHelpers.ParseQuery(await content.ReadAsStringAsync(cancellationToken));
            if (form.Remove("client_secret", out var secret) && form.TryGetValue("client_id", out var clientId))
            {
                // RFC 6749 §2.3.1: each part URL-encoded, joined with a colon, then base64-encoded.
                var credentials = $"{Uri.EscapeDataString(clientId.ToString())}:{Uri.EscapeDataString(secret.ToString())}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                request.Content = new FormUrlEncodedContent(form.Select(field => KeyValuePair.Create(field.Key, field.Value.ToString())));
                content.Dispose();
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
