using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MailRelay.Tests.Unit;

public sealed class SignInFailureReasonTests
{
    public static TheoryData<Exception, string> Refusals => new()
    {
        { new SecurityTokenInvalidSignatureException(), "signature" },
        { new SecurityTokenSignatureKeyNotFoundException(), "signature" },
        { new SecurityTokenInvalidAudienceException(), "audience" },
        { new SecurityTokenInvalidIssuerException(), "issuer" },
        { new SecurityTokenExpiredException(), "expired" },
        { new SecurityTokenInvalidLifetimeException(), "expired" },
        { new OpenIdConnectProtocolInvalidNonceException(), "nonce" },
        { new AuthenticationFailureException("Correlation failed."), "failed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Of_HandlersFailure_IsTheReasonTheErrorPageExplains(Exception failure, string expected) =>
        SignInFailureReason.Of(failure, issuerAnsweredError: false).ShouldBe(expected);

    [Fact]
    public void Of_IssuerAnsweredWithError_IsDenied() =>
        SignInFailureReason.Of(new OpenIdConnectProtocolException("Message contains error: 'access_denied'"), issuerAnsweredError: true).ShouldBe("denied");
}
