using System.Net;
using System.Security;
using System.Text;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Core.Services.Gmail;
using MailRelay.Core.Services.Intake;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The AWS intake path with the real SQS source (over the query protocol, against a fake SQS
/// endpoint), the real intake job, store and Gmail adapter: a redelivered SES notification is one
/// message and one import, and a notification is deleted from the queue only once stored.
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
    private int _receives;

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _sqs = await FakeSqsEndpoint.StartAsync();
        var settings = _google.CreateSettings();
        settings["MailboxDelivery:Provider"] = "Gmail";
        _host = await RelayHost.StartAsync(_data.Path, settings);
        // Each receive hands out the same notification again, as SQS does after a visibility timeout.
        _sqs.Respond = request => request.Form["Action"] == "ReceiveMessage"
            ? (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage", SqsMessage($"handle-{Interlocked.Increment(ref _receives)}")))
            : (HttpStatusCode.OK, FakeSqsEndpoint.Ok(request.Form["Action"], ""));
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

        await RunIntakeJobAsync();
        await RunIntakeJobAsync();

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 1), "alice has the message");
        await Task.Delay(500);
        _google.Mailbox(alice).ShouldHaveSingleItem().Raw.ShouldBe(Encoding.UTF8.GetBytes(raw));
        var stored = (await _host.Store.FindMessageAsync(SesMessageId, default)).ShouldNotBeNull();
        stored.Recipients.ShouldBe(["recipient@mail.example.com"], "envelope recipients come from receipt.recipients");
        stored.Verdicts.ShouldBe(new Verdicts("PASS", "PASS", "PASS", "PASS", "PASS"));
        (await _host.Store.ListDeliveriesOfMessageAsync(SesMessageId, default)).ShouldHaveSingleItem().UserId.ShouldBe("alice");
        Deletes().ShouldBe(["handle-1", "handle-2"]);
    }

    [Fact]
    public async Task RawMessageMissingFromTheBucket_NotificationIsNotDeleted_AndBecomesVisibleAgainLater()
    {
        await ConnectAliceAsync();

        await RunIntakeJobAsync();

        (await _host.Store.FindMessageAsync(SesMessageId, default)).ShouldBeNull();
        Deletes().ShouldBeEmpty();
        var abandoned = _sqs.Requests.Where(r => r.Form["Action"] == "ChangeMessageVisibility").ShouldHaveSingleItem();
        abandoned.Form["ReceiptHandle"].ShouldBe("handle-1");
        int.Parse(abandoned.Form["VisibilityTimeout"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
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
        var source = new SqsInboundSource(_sqs.CreateClient(),
            Microsoft.Extensions.Options.Options.Create(new SqsInboundOptions { QueueUrl = FakeSqsEndpoint.QueueUrl, Region = FakeSqsEndpoint.Region, WaitTimeSeconds = 0 }),
            NullLogger<SqsInboundSource>.Instance);
        var job = new ReceiveInboundJob(source, _host.Services.GetRequiredService<MessageIntake>(),
            _host.Services.GetRequiredService<IForwardingScheduler>(), NullLogger<ReceiveInboundJob>.Instance);
        await job.Execute(Substitute.For<IJobExecutionContext>(), CancellationToken.None);
    }

    private List<string> Deletes() =>
        _sqs.Requests.Where(r => r.Form["Action"] == "DeleteMessage").Select(r => r.Form["ReceiptHandle"]).ToList();

    private static string SqsMessage(string handle) =>
        $"<Message><MessageId>sqs-{handle}</MessageId><ReceiptHandle>{handle}</ReceiptHandle><Body>{SecurityElement.Escape(SqsBody)}</Body>" +
        "<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute></Message>";
}
