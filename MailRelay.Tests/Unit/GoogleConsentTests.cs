using MailRelay.Core.Gmail;
using MailRelay.Core.Gmail.Adapters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace MailRelay.Tests.Unit;

public sealed class GoogleConsentTests
{
    private static readonly GoogleOptions Options = new()
    {
        ClientId = "client.apps.googleusercontent.com",
        ClientSecret = "secret",
        AuthorizationUrl = "https://accounts.example/o/oauth2/v2/auth",
    };

    [Fact]
    public void CodeChallenge_IsBase64UrlOfSha256_WithoutPadding() =>
        // Computed independently (Python hashlib + base64.urlsafe_b64encode, padding stripped).
        GoogleConsent.CodeChallenge("M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag").ShouldBe("qjrzSW9gMiUgpUvqgEPE4_-8swvyCtfOVvg55o5S_es");

    [Fact]
    public void BuildConsentUrl_AsksForOfflineGmailInsertWithPkceStateAndHint()
    {
        using var consent = new GoogleConsent(Microsoft.Extensions.Options.Options.Create(Options), Substitute.For<IHttpClientFactory>(), TimeProvider.System, NullLogger<GoogleConsent>.Instance);
        var ticket = new GmailConsentTicket("the-state", "the-verifier-which-is-long-enough-for-pkce-0123456789", "https://relay.example.com/api/token/callback");

        var url = consent.BuildConsentUrl(ticket, "alice@gmail.example");

        url.GetLeftPart(UriPartial.Path).ShouldBe(Options.AuthorizationUrl);
        var query = QueryHelpers.ParseQuery(url.Query);
        query["client_id"].ToString().ShouldBe(Options.ClientId);
        query["redirect_uri"].ToString().ShouldBe(ticket.RedirectUri);
        query["response_type"].ToString().ShouldBe("code");
        query["scope"].ToString().ShouldBe("https://www.googleapis.com/auth/gmail.insert openid email");
        query["state"].ToString().ShouldBe("the-state");
        query["access_type"].ToString().ShouldBe("offline");
        query["prompt"].ToString().ShouldBe("consent");
        query["login_hint"].ToString().ShouldBe("alice@gmail.example");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["code_challenge"].ToString().ShouldBe(GoogleConsent.CodeChallenge(ticket.CodeVerifier));
        url.ToString().ShouldNotContain(ticket.CodeVerifier);
    }
}
