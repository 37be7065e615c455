namespace MailRelay.Tests.E2E;

/// <summary>The app with the development sign-in and example.com as a sending domain (local SMTP identities), for one test class.</summary>
public sealed class SmtpAppFixture : IAsyncLifetime
{
    private AppProcess? _app;

    public AppProcess App => _app ?? throw new InvalidOperationException("The app fixture is not initialized.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["SignIn:Provider"] = "Development",
            ["SmtpIdentity:SendingDomains:0"] = "example.com",
        }, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
