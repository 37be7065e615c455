using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The app configured as Terraform configures it on App Runner (<c>Hosting:CircuitTransport</c>
/// LongPolling), delivering to the fake Google with the development sign-in, behind an
/// <see cref="AppRunnerFront"/>. The front's cap is shorter than App Runner's 120 s so the test can
/// outlast it; the app's long-poll timeout is below the cap, as 90 s is below 120 s in production.
/// </summary>
public sealed class AppRunnerAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan RequestCap = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LongPollTimeout = TimeSpan.FromSeconds(10);

    private FakeGoogle? _google;
    private AppProcess? _app;
    private AppRunnerFront? _front;

    public FakeGoogle Google => _google ?? throw new InvalidOperationException("The App Runner fixture is not initialized.");

    public AppProcess App => _app ?? throw new InvalidOperationException("The App Runner fixture is not initialized.");

    public AppRunnerFront Front => _front ?? throw new InvalidOperationException("The App Runner fixture is not initialized.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _google = await FakeGoogle.StartAsync();
        _google.DefaultConsentAccount = GmailAppFixture.AliceGmail;
        var settings = new Dictionary<string, string>
        {
            ["SignIn:Provider"] = "Development",
            ["MailboxDelivery:Provider"] = "Gmail",
            ["Forwarding:IntakeInterval"] = "00:00:00.500",
            ["Forwarding:ForwardInterval"] = "00:00:00.500",
            ["Hosting:CircuitTransport"] = "LongPolling",
            ["Hosting:LongPollTimeout"] = LongPollTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in _google.CreateSettings()) settings[key] = value!;
        _app = await AppProcess.StartAsync(settings, timeout.Token);
        _front = await AppRunnerFront.StartAsync(_app.BaseUrl, RequestCap);
    }

    public async Task DisposeAsync()
    {
        if (_front is not null) await _front.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
        if (_google is not null) await _google.DisposeAsync();
    }
}
