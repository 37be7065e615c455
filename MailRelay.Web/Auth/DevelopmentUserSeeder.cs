using MailRelay.Core.Users;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Auth;

/// <summary>With the development sign-in, admin, alice and bob exist from the start, so routes can name them before they sign in.</summary>
public sealed class DevelopmentUserSeeder(UserDirectory users, IOptions<SignInOptions> signIn) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (signIn.Value.IsOidc) return;
        foreach (var user in DevelopmentUsers.All)
            await users.EnsureAsync(user.Id, user.Email, user.DisplayName, user.Roles, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
