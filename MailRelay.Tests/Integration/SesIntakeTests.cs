using System.Text;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The AWS intake path with the real SQS source (through AWSSDK.SQS, against the fake SQS), the real
/// intake job, store and Gmail adapter: a redelivered SES notification is one message and one
/// import, and a notification is deleted from the queue only once stored.
/// </summary>
public sealed class SesIntakeTests : IAsyncLifetime
{
    private const string SesMessageId = "abc123def456ghi789jkl012mno345pqr678stu901";
    private const string ObjectKey = "emails/" + SesMessageId;
    private static readonly string SqsBody = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ses", "sqs-body-ses-received.json"));

    private readonly TempDirectory _data = new();
    private FakeGoogle _google = null!;
    private FakeSqsEndpoint _sqs = null!;
    private RelayHost _host = null!;

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _sqs = await FakeSqsEndpoint.StartAsync();
        var settings = _google.CreateSettings();
        settings["MailboxDelivery:Provider"] = "Gmail";
        _host = await RelayHost.StartAsync(_data.Path, settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sqs.DisposeAsync();
        await _google.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SameNotificationReceivedTwice_OneMessageOneDeliveryOneImport_BothAcknowledged()
    {
        var alice = await ConnectAliceAsync();
        var raw = MessageFiles.Raw("recipient@mail.example.com", "Via SES");
        await _host.Services.GetRequiredService<IBlobStore>().PutAsync(ObjectKey, new MemoryStream(Encoding.UTF8.GetBytes(raw)), default);

        // SNS delivers at least once: the same notification arrives again after the first was handled.
        _sqs.Queue.Send(SqsBody);
        await RunIntakeJobAsync();
        _sqs.Queue.Send(SqsBody);
        await RunIntakeJobAsync();

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 1), "alice has the message");
        await Task.Delay(500);
        _google.Mailbox(alice).ShouldHaveSingleItem().Raw.ShouldBe(Encoding.UTF8.GetBytes(raw));
        var stored = (await _host.Store.Messages.FindMessageAsync(SesMessageId, default)).ShouldNotBeNull();
        stored.Recipients.ShouldBe(["recipient@mail.example.com"], "envelope recipients come from receipt.recipients");
        stored.Verdicts.ShouldBe(new Verdicts("PASS", "PASS", "PASS", "PASS", "PASS"));
        (await _host.Store.Deliveries.ListDeliveriesOfMessageAsync(SesMessageId, default)).ShouldHaveSingleItem().UserId.ShouldBe("alice");
        Deletes().Count.ShouldBe(2);
        Deletes().Distinct().Count().ShouldBe(2, "each notification is deleted by its own receipt handle");
        _sqs.Queue.Count.ShouldBe(0);
    }

    [Fact]
    public async Task RawMessageMissingFromTheBucket_NotificationIsNotDeleted_AndBecomesVisibleAgainLater()
    {
        await ConnectAliceAsync();
        var sqsMessageId = _sqs.Queue.Send(SqsBody);

        await RunIntakeJobAsync();

        (await _host.Store.Messages.FindMessageAsync(SesMessageId, default)).ShouldBeNull();
        Deletes().ShouldBeEmpty();
        var received = _sqs.Requests.First(r => r.Operation == "ReceiveMessage");
        var abandoned = _sqs.Requests.Where(r => r.Operation == "ChangeMessageVisibility").ShouldHaveSingleItem();
        abandoned.Int("VisibilityTimeout").ShouldNotBeNull().ShouldBeGreaterThan(0);
        abandoned.SignatureProblem.ShouldBeNull();
        received.SignatureProblem.ShouldBeNull();
        _sqs.Queue.Count.ShouldBe(1);
        _sqs.Queue.VisibleAt(sqsMessageId).ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    private async Task<FakeGoogleUser> ConnectAliceAsync()
    {
        var alice = _google.AddUser("alice@gmail.example");
        await _host.RouteAsync("recipient@mail.example.com", "alice");
        await _host.Services.GetRequiredService<GmailConnections>().ConnectAsync("alice", alice.Email, alice.RefreshToken, "gmail.insert", null, default);
        return alice;
    }

    private async Task RunIntakeJobAsync()
    {
        var source = new SqsInboundSource(_sqs.CreateQueue(),
            Microsoft.Extensions.Options.Options.Create(new SqsInboundOptions { QueueUrl = FakeSqsEndpoint.QueueUrl, Region = FakeSqsEndpoint.Region, WaitTimeSeconds = 0 }),
            NullLogger<SqsInboundSource>.Instance);
        await BackgroundJobs.RunAsync(new ReceiveInboundMail(source, _host.Services.GetRequiredService<MessageIntake>(),
            _host.Services.GetRequiredService<IForwardingScheduler>(), NullLogger<ReceiveInboundMail>.Instance));
    }

    private List<string?> Deletes() =>
        _sqs.Requests.Where(r => r.Operation == "DeleteMessage").Select(r => r.String("ReceiptHandle")).ToList();
}
