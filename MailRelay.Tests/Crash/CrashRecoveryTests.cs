using System.Diagnostics;
using System.Text;
using MailRelay.Core.Gmail;
using MailRelay.Tests.E2E;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MailRelay.Tests.Crash;

/// <summary>
/// Crash recovery of the real process: MailRelay.Web on its embedded defaults (SQLite, folders) is
/// killed with SIGKILL in the middle of a batch of Gmail imports and started again over the same
/// data. Unlike disposing an in-process host, a kill runs no shutdown code: no lease is released,
/// no result is written, the SQLite file is left as the kill found it.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Users = 4;
    private const int MessagesPerUser = 10;
    private const int Total = Users * MessagesPerUser;
    private static readonly TimeSpan ImportLatency = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    /// <summary>The new process's first forwarding run once the lease has ended and it is up, on a busy test machine.</summary>
    private static readonly TimeSpan TakeoverMargin = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _data = new();
    private readonly StringBuilder _killedTranscript = new();
    private FakeGoogle _google = null!;
    private AppProcess? _app;

    public async Task InitializeAsync() => _google = await FakeGoogle.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _google.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task KilledMidBatch_RestartedOverSameData_ImportsEveryMessageInOrder_AtMostOneDuplicatePerLane()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var clock = Stopwatch.StartNew();
            var users = await ConnectUsersAsync();
            _google.Script().WithImportLatency(ImportLatency);
            _app = await AppProcess.StartAsync(Settings(), _data.Path, timeout.Token);

            // Round robin over the users, in order: each user's lane must import its messages in this order.
            var expected = users.ToDictionary(u => u.Email, _ => new List<string>());
            for (var n = 1; n <= Total; n++)
            {
                var (userId, gmail) = users[(n - 1) % Users];
                var subject = $"Crash {n:00} for {userId}";
                await MessageFiles.DropAsync(_data.Path, $"crash-{n:00}.eml", MessageFiles.Raw($"{userId}@example.com", subject), [$"{userId}@example.com"]);
                expected[gmail].Add(subject);
            }

            // Every lane has imported a little and has more to go: the kill lands with imports in flight.
            await EventuallyAsync(() => Task.FromResult(users.All(u => _google.Mailbox(u.Email).Count >= 2)),
                "every user has at least 2 imports (before the kill)", TimeSpan.FromSeconds(60));
            var exitCode = await _app.KillAsync(timeout.Token);
            var killedAt = Stopwatch.StartNew();
            var atKill = users.ToDictionary(u => u.Email, u => _google.Mailbox(u.Email).Count);
            var importedAtKill = atKill.Values.Sum();
            _killedTranscript.Append(_app.Transcript());
            await _app.DisposeAsync();
            _app = null;
            output.WriteLine($"Killed after {clock.Elapsed.TotalSeconds:0.0} s with exit code {exitCode}; {importedAtKill} of {Total} imported.");
            if (!OperatingSystem.IsWindows()) exitCode.ShouldBe(128 + 9, "the app dies of SIGKILL, not of a shutdown");
            importedAtKill.ShouldBeLessThan(Total, "the kill must come before the batch is done, or it tests nothing");

            // The dead process's leases (10 s, renewed every 3.3 s until the kill) expire, and the new process takes its work over.
            _app = await AppProcess.StartAsync(Settings(), _data.Path, timeout.Token);
            // The lanes can move on once the lease has ended and the new process is up, whichever comes
            // last: a slow start on a loaded machine is not a slow takeover.
            var canMoveOnAfter = TimeSpan.FromTicks(Math.Max(Lease.Ticks, killedAt.Elapsed.Ticks));
            var unfinished = atKill.Where(l => l.Value < MessagesPerUser).Select(l => l.Key).ToList();
            await EventuallyAsync(() => Task.FromResult(unfinished.All(gmail => _google.Mailbox(gmail).Count > atKill[gmail])),
                "every unfinished lane has imported again (after the restart)", TimeSpan.FromSeconds(90));
            var takeover = killedAt.Elapsed;
            output.WriteLine($"Every unfinished lane moved on {takeover.TotalSeconds:0.0} s after the kill (lease {Lease.TotalSeconds:0} s, new process up after {canMoveOnAfter.TotalSeconds:0.0} s).");
            takeover.ShouldBeLessThan(canMoveOnAfter + TakeoverMargin, "a dead instance's lanes move on within one lease of its last heartbeat");
            await EventuallyAsync(async () => await CountDeliveredAsync() == Total && users.All(u => _google.Mailbox(u.Email).Select(Subject).Distinct().Count() == MessagesPerUser),
                $"all {Total} deliveries are Delivered in the store and every message is in its user's Gmail (after the restart)", TimeSpan.FromSeconds(90));
            output.WriteLine($"Recovered after {clock.Elapsed.TotalSeconds:0.0} s.");

            foreach (var (userId, gmail) in users)
            {
                var subjects = _google.Mailbox(gmail).Select(Subject).ToList();
                output.WriteLine($"{userId}: {subjects.Count} imports: {string.Join(", ", subjects.Select(s => s[..8]))}");
                subjects.ShouldAllBe(s => expected[gmail].Contains(s), $"{userId}'s Gmail has only {userId}'s messages");
                subjects.Distinct().ShouldBe(expected[gmail], $"{userId}'s messages are all there, in the order they were dropped");
                WithoutAdjacentRepeats(subjects).ShouldBe(expected[gmail], $"a repeated import of {userId} comes right after the one it repeats");
                (subjects.Count - MessagesPerUser).ShouldBeLessThanOrEqualTo(1, $"only the import in flight in {userId}'s lane at the kill may be repeated");
            }
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            // Timeouts carry the transcripts in their message; an assertion shows them in the test output.
            output.WriteLine(Transcripts());
            throw;
        }
    }

    /// <summary>Routes and Gmail connections, seeded through the engine's own services over the same SQLite file and key ring the app will use.</summary>
    private async Task<List<(string UserId, string Email)>> ConnectUsersAsync()
    {
        var settings = _google.CreateSettings();
        settings["MailboxDelivery:Provider"] = "Gmail";
        var users = new List<(string, string)>();
        await using var engine = await RelayHost.StartAsync(_data.Path, settings);
        for (var i = 1; i <= Users; i++)
        {
            var userId = $"crash-{i}";
            var account = _google.AddUser($"{userId}@gmail.example");
            await engine.RouteAsync($"{userId}@example.com", userId);
            await engine.Services.GetRequiredService<GmailConnections>().ConnectAsync(userId, account.Email, account.RefreshToken, "gmail.insert", null, default);
            users.Add((userId, account.Email));
        }
        return users;
    }

    private Dictionary<string, string> Settings()
    {
        var settings = _google.CreateSettings().ToDictionary(s => s.Key, s => s.Value!);
        settings["MailboxDelivery:Provider"] = "Gmail";
        settings["Forwarding:IntakeInterval"] = "00:00:00.200";
        settings["Forwarding:ForwardInterval"] = "00:00:00.500";
        settings["Forwarding:LeaseDuration"] = Lease.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>Reads the app's SQLite file beside the running app (WAL lets a reader in while it writes).</summary>
    private async Task<int> CountDeliveredAsync()
    {
        var path = Path.Combine(_data.Path, "mailrelay.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 5 }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deliveries WHERE status = 'Delivered'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls the condition; on timeout fails with what each user's Gmail holds and everything both app processes wrote.</summary>
    private async Task EventuallyAsync(Func<Task<bool>> condition, string description, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var mailboxes = string.Join("\n", Enumerable.Range(1, Users).Select(i => $"crash-{i}@gmail.example")
                    .Select(gmail => $"{gmail}: {string.Join(", ", _google.Mailbox(gmail).Select(Subject))}"));
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0} s waiting until {description}.\n{mailboxes}\n{Transcripts()}");
            }
            await Task.Delay(20);
        }
    }

    private string Transcripts() => $"=== the killed app ===\n{_killedTranscript}\n=== the running app ===\n{_app?.Transcript()}";

    private static string Subject(FakeGmailMessage message) =>
        Encoding.UTF8.GetString(message.Raw).Split("\r\n").First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];

    private static List<string> WithoutAdjacentRepeats(List<string> subjects) =>
        subjects.Where((s, i) => i == 0 || s != subjects[i - 1]).ToList();
}
