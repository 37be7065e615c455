using Microsoft.AspNetCore.Components.Authorization;

namespace MailRelay.Web.Auth;

public static class AuthenticationStateProviderExtensions
{
    /// <summary>The signed-in user's id, for components; like <see cref="PrincipalFactory.UserId"/>, never from a route or form value.</summary>
    public static async Task<string> CurrentUserIdAsync(this AuthenticationStateProvider provider) =>
        (await provider.GetAuthenticationStateAsync()).User.UserId();
}
