using MailRelay.Core.Ports;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Auth;

/// <summary>With the development sign-in, admin, alice and bob exist from the start, so routes can name them before they sign in.</summary>
public sealed class DevelopmentUserSeeder(IRelayStore store, IOptions<SignInOptions> signIn, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (signIn.Value.IsOidc) return;
        foreach (var user in DevelopmentUsers.All)
            await store.EnsureUserAsync(user.Id, user.Email, user.DisplayName, user.Roles, time.GetUtcNow(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
