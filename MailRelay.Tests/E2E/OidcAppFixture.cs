namespace MailRelay.Tests.E2E;

/// <summary>The test OIDC issuer and the app signing in through it (public client, PKCE), for one test class.</summary>
public sealed class OidcAppFixture : IAsyncLifetime
{
    public const string ClientId = "mailrelay";

    private OidcIssuerProcess? _issuer;
    private AppProcess? _app;

    public OidcIssuerProcess Issuer => _issuer ?? throw new InvalidOperationException("The OIDC fixture is not initialized.");

    public AppProcess App => _app ?? throw new InvalidOperationException("The OIDC fixture is not initialized.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _issuer = await OidcIssuerProcess.StartAsync(timeout.Token);
        try
        {
            _app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["SignIn:Provider"] = "Oidc",
                ["SignIn:Oidc:Authority"] = _issuer.Authority,
                ["SignIn:Oidc:ClientId"] = ClientId,
                // The test issuer is plain http on loopback.
                ["SignIn:Oidc:RequireHttpsMetadata"] = "false",
            }, timeout.Token);
        }
        catch
        {
            // Do not leave the issuer running when the app cannot start.
            await _issuer.DisposeAsync();
            _issuer = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_issuer is not null) await _issuer.DisposeAsync();
    }
}
