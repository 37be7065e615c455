using MailRelay.Core.Forwarding;

namespace MailRelay.Tests.Contracts.Forwarding;

/// <summary>
/// What every <see cref="IImportAllowance"/> adapter must do. Each adapter's test class inherits it
/// and says what a second instance is: another client of the same table, or (SQLite serves one
/// process) the same object.
/// </summary>
public abstract class ImportAllowanceContract : IAsyncLifetime
{
    private const int Limit = 5;

    /// <summary>The start of a window (a UTC minute).</summary>
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IImportAllowance> CreateAsync();

    /// <summary>The allowance as another instance of the cluster sees it.</summary>
    protected abstract IImportAllowance SecondInstance();

    protected IImportAllowance Allowance { get; private set; } = null!;

    public async Task InitializeAsync() => Allowance = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reserve_WithinTheLimit_GrantsAllAsked()
    {
        var first = await Allowance.ReserveAsync("alice", 3, Limit, T0, default);
        var second = await Allowance.ReserveAsync("alice", 2, Limit, T0.AddSeconds(10), default);

        (first.Granted, second.Granted).ShouldBe((3, 2));
        first.WindowEnds.ShouldBe(T0.AddMinutes(1));
        second.WindowEnds.ShouldBe(T0.AddMinutes(1), "the window is the minute, not a minute from the call");
    }

    [Fact]
    public async Task Reserve_MoreThanIsLeft_GrantsWhatIsLeftThenNone()
    {
        var first = await Allowance.ReserveAsync("alice", 3, Limit, T0, default);
        var second = await Allowance.ReserveAsync("alice", 4, Limit, T0.AddSeconds(1), default);
        var third = await Allowance.ReserveAsync("alice", 1, Limit, T0.AddSeconds(2), default);

        (first.Granted, second.Granted, third.Granted).ShouldBe((3, 2, 0));
    }

    [Fact]
    public async Task Reserve_MoreThanTheLimit_GrantsTheLimit()
    {
        (await Allowance.ReserveAsync("alice", 12, Limit, T0, default)).Granted.ShouldBe(Limit);
    }

    [Fact]
    public async Task Reserve_TwoInstancesAtOnce_NeverGrantMoreThanTheLimitInAWindow()
    {
        var other = SecondInstance();
        for (var round = 0; round < 3; round++)
        {
            var user = $"user-{round}";
            var grants = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                (i % 2 == 0 ? Allowance : other).ReserveAsync(user, 1 + i % 3, Limit, T0.AddSeconds(i), default)));

            grants.Sum(g => g.Granted).ShouldBe(Limit, $"round {round}: asked for {grants.Length} reservations of 1 to 3, far more than the limit");
        }
    }

    [Fact]
    public async Task Reserve_NextWindow_GrantsAgain()
    {
        var other = SecondInstance();
        await Allowance.ReserveAsync("alice", Limit, Limit, T0.AddSeconds(30), default);

        var lastInstant = await other.ReserveAsync("alice", 1, Limit, T0.AddMinutes(1).AddTicks(-1), default);
        var nextWindow = await other.ReserveAsync("alice", 4, Limit, T0.AddMinutes(1), default);
        var rest = await Allowance.ReserveAsync("alice", 4, Limit, T0.AddMinutes(1).AddSeconds(59), default);

        (lastInstant.Granted, nextWindow.Granted, rest.Granted).ShouldBe((0, 4, 1));
        lastInstant.WindowEnds.ShouldBe(T0.AddMinutes(1));
        nextWindow.WindowEnds.ShouldBe(T0.AddMinutes(2));
    }

    [Fact]
    public async Task Reserve_OtherUsers_HaveTheirOwnAllowance()
    {
        await Allowance.ReserveAsync("alice", Limit, Limit, T0, default);

        (await SecondInstance().ReserveAsync("bob", Limit, Limit, T0, default)).Granted.ShouldBe(Limit);
    }
}
