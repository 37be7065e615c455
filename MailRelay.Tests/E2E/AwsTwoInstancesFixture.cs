namespace MailRelay.Tests.E2E;

/// <summary>
/// Two instances of the app on the AWS profile over one environment (<see cref="AwsAppFixture"/>:
/// one table, bucket, queues and set of fakes) behind an <see cref="AffinityFront"/>. New browser
/// sessions land on <see cref="PageInstance"/> and stay there. It takes no work of its own: its
/// intake and forwarding intervals are an hour (it runs each once at start, on empty queues), so
/// mail is taken and delivered by <see cref="WorkInstance"/>, the fixture's own app at 0.5 s.
/// </summary>
public sealed class AwsTwoInstancesFixture : IAsyncLifetime
{
    public const string PageInstanceName = "a-pages";
    public const string WorkInstanceName = "b-work";

    private AppProcess? _pageInstance;
    private AffinityFront? _front;

    public AwsAppFixture Aws { get; } = new();

    public AppProcess PageInstance => _pageInstance ?? throw new InvalidOperationException("The two-instance fixture is not initialized.");

    public AppProcess WorkInstance => Aws.App;

    public AffinityFront Front => _front ?? throw new InvalidOperationException("The two-instance fixture is not initialized.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Aws.InitializeAsync();
        try
        {
            _pageInstance = await Aws.StartInstanceAsync(new Dictionary<string, string>
            {
                ["Forwarding__IntakeInterval"] = "01:00:00",
                ["Forwarding__ForwardInterval"] = "01:00:00",
            }, timeout.Token);
            _front = await AffinityFront.StartAsync(new Dictionary<string, string>
            {
                [PageInstanceName] = PageInstance.BaseUrl,
                [WorkInstanceName] = WorkInstance.BaseUrl,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_front is not null) await _front.DisposeAsync();
        if (_pageInstance is not null) await _pageInstance.DisposeAsync();
        await Aws.DisposeAsync();
    }
}
