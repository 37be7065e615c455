using System.Net;
using System.Text;
using MailRelay.Web.Auth;

namespace MailRelay.Tests.Unit;

public sealed class ClientSecretBasicHandlerTests
{
    private readonly RecordingHandler _issuer = new();

    [Fact]
    public async Task SendAsync_CodeRedemptionWithSecret_SendsSecretAsBasicCredentialsOnly()
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://auth.example/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = "the code", ["client_id"] = "mailrelay", ["client_secret"] = "s3cret/+=",
            }),
        });

        _issuer.Authorization.ShouldBe($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("mailrelay:s3cret%2F%2B%3D"))}");
        _issuer.Body.ShouldNotBeNull().Split('&').ShouldBe(["grant_type=authorization_code", "code=the+code", "client_id=mailrelay"], ignoreOrder: true);
    }

    [Fact]
    public async Task SendAsync_PublicClientRedemption_IsSentUnchanged()
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://auth.example/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "c", ["client_id"] = "mailrelay", ["code_verifier"] = "v" }),
        });

        _issuer.Authorization.ShouldBeNull();
        _issuer.Body.ShouldBe("code=c&client_id=mailrelay&code_verifier=v");
    }

    [Fact]
    public async Task SendAsync_DiscoveryRequest_CarriesNoCredentials()
    {
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://issuer.example/.well-known/openid-configuration"));

        _issuer.Authorization.ShouldBeNull();
        _issuer.Body.ShouldBeNull();
    }

    private async Task SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient(new ClientSecretBasicHandler(_issuer));
        using (request) (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Stands in for the issuer: remembers what arrived.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
