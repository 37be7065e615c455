using MailRelay.Tests.Fakes;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The app delivering to Gmail through the in-process fake Google (consent, tokens, revocation,
/// import), with the development sign-in, for one test class. The fake approves consent for
/// <see cref="AliceGmail"/> unless a test scripts otherwise.
/// </summary>
public sealed class GmailAppFixture : IAsyncLifetime
{
    public const string AliceGmail = "alice@gmail.example";

    private FakeGoogle? _google;
    private AppProcess? _app;

    public FakeGoogle Google => _google ?? throw new InvalidOperationException("The Gmail fixture is not initialized.");

    public AppProcess App => _app ?? throw new InvalidOperationException("The Gmail fixture is not initialized.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _google = await FakeGoogle.StartAsync();
        _google.DefaultConsentAccount = AliceGmail;
        var settings = new Dictionary<string, string>
        {
            ["SignIn:Provider"] = "Development",
            ["MailboxDelivery:Provider"] = "Gmail",
            ["Forwarding:IntakeInterval"] = "00:00:00.500",
            ["Forwarding:ForwardInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in _google.CreateSettings()) settings[key] = value!;
        try
        {
            _app = await AppProcess.StartAsync(settings, timeout.Token);
        }
        catch
        {
            await _google.DisposeAsync();
            _google = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_google is not null) await _google.DisposeAsync();
    }
}
