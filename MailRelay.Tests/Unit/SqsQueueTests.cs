using System.Net;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using MailRelay.Core.Infrastructure.Aws;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>The SQS adapter through the real AWSSDK.SQS client against the fake SQS, which checks every signature.</summary>
public class SqsQueueTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeSqsEndpoint _sqs = null!;

    public async Task InitializeAsync() => _sqs = await FakeSqsEndpoint.StartAsync(_clock);

    public async Task DisposeAsync() => await _sqs.DisposeAsync();

    private FakeSqsQueue Queue => _sqs.Queue;

    [Fact]
    public async Task ReceiveAsync_TwoMessages_SendsASignedJsonRequestAndReadsBoth()
    {
        const string first = """{"Type":"Notification","Message":"first & <one> für dich"}""";
        var firstId = Queue.Send(first);
        Queue.Send("second body");

        var messages = await _sqs.CreateQueue().ReceiveAsync(10, 20, 300, CancellationToken.None);

        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/");
        request.ContentType.ShouldBe("application/x-amz-json-1.0");
        request.Operation.ShouldBe("ReceiveMessage");
        request.SecurityToken.ShouldBe("session-token-example");
        request.QueueUrl.ShouldBe(FakeSqsEndpoint.QueueUrl);
        request.Int("MaxNumberOfMessages").ShouldBe(10);
        request.Int("WaitTimeSeconds").ShouldBe(20);
        request.Int("VisibilityTimeout").ShouldBe(300);
        request.Strings("MessageSystemAttributeNames").ShouldBe(["ApproximateReceiveCount"]);

        messages.Count.ShouldBe(2);
        messages[0].MessageId.ShouldBe(firstId);
        messages[0].Body.ShouldBe(first); // and the SDK checked MD5OfBody against it
        messages[0].ReceiveCount.ShouldBe(1);
        messages[0].ReceiptHandle.ShouldNotBe(messages[1].ReceiptHandle);
        messages[1].Body.ShouldBe("second body");
    }

    [Fact]
    public async Task ReceiveAsync_WrongSecret_IsRefusedByTheEndpointsSignatureCheck()
    {
        // Proves the fake's check is real, so "SignatureProblem is null" elsewhere means something.
        var queue = _sqs.CreateQueue(new BasicAWSCredentials(FakeSqsEndpoint.Credentials.AccessKey, "not-the-secret"));

        var error = await Should.ThrowAsync<AmazonSQSException>(() => queue.ReceiveAsync(1, 0, null, CancellationToken.None));

        error.ErrorCode.ShouldBe("InvalidSignatureException");
        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        _sqs.Requests.ShouldHaveSingleItem().SignatureProblem.ShouldNotBeNull().ShouldStartWith("signature ");
    }

    [Fact]
    public async Task ReceiveAsync_EmptyQueue_ReturnsNothingAndLeavesTheVisibilityTimeoutToTheQueue()
    {
        var messages = await _sqs.CreateQueue().ReceiveAsync(1, 0, null, CancellationToken.None);

        messages.ShouldBeEmpty();
        _sqs.Requests.ShouldHaveSingleItem().Body.ContainsKey("VisibilityTimeout").ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 20, null)]
    [InlineData(11, 20, null)]
    [InlineData(5, 21, null)]
    [InlineData(5, 0, 43_201)]
    public async Task ReceiveAsync_OutOfRange_IsRefusedBeforeSending(int max, int wait, int? visibility)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _sqs.CreateQueue().ReceiveAsync(max, wait, visibility, CancellationToken.None));

        _sqs.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReceiveAsync_NotDeleted_StaysHiddenForItsVisibilityTimeoutThenComesBackWithAHigherReceiveCount()
    {
        var id = Queue.Send("body");
        var queue = _sqs.CreateQueue();
        var first = (await queue.ReceiveAsync(10, 0, 60, CancellationToken.None)).ShouldHaveSingleItem();

        _clock.Advance(TimeSpan.FromSeconds(59));
        (await queue.ReceiveAsync(10, 0, 60, CancellationToken.None)).ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromSeconds(2));
        var again = (await queue.ReceiveAsync(10, 0, 60, CancellationToken.None)).ShouldHaveSingleItem();

        again.MessageId.ShouldBe(id);
        again.ReceiveCount.ShouldBe(2);
        again.ReceiptHandle.ShouldNotBe(first.ReceiptHandle);
    }

    [Fact]
    public async Task ReceiveAsync_EmptyQueue_LongPollsUntilAMessageArrives()
    {
        var queue = _sqs.CreateQueue();
        var started = TimeProvider.System.GetTimestamp();

        var receiving = queue.ReceiveAsync(1, 10, null, CancellationToken.None);
        await Task.Delay(500);
        receiving.IsCompleted.ShouldBeFalse("the receive waits while the queue is empty");
        Queue.Send("arrived while waiting");

        (await receiving).ShouldHaveSingleItem().Body.ShouldBe("arrived while waiting");
        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReceiveAsync_CancelledDuringTheLongPoll_StopsAtOnceAndTakesNothing()
    {
        var queue = _sqs.CreateQueue();
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = TimeProvider.System.GetTimestamp();

        await Should.ThrowAsync<OperationCanceledException>(() => queue.ReceiveAsync(1, 20, null, shutdown.Token));

        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        // The endpoint notices the closed connection a moment after the client gave up; then nothing is held.
        for (var waited = 0; Queue.ReceivesInProgress > 0 && waited < 100; waited++) await Task.Delay(50);
        Queue.ReceivesInProgress.ShouldBe(0);
        Queue.Send("after shutdown");
        (await queue.ReceiveAsync(1, 0, null, CancellationToken.None)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(1);
    }

    [Fact]
    public async Task ReceiveAsync_MoreReceivesThanMaxReceiveCount_MovesTheMessageToTheDeadLetterQueue()
    {
        var id = Queue.Send("never handled");
        var queue = _sqs.CreateQueue();
        for (var receive = 1; receive <= Queue.MaxReceiveCount; receive++)
        {
            (await queue.ReceiveAsync(10, 0, 30, CancellationToken.None)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(receive);
            _clock.Advance(TimeSpan.FromSeconds(31));
        }

        (await queue.ReceiveAsync(10, 0, 30, CancellationToken.None)).ShouldBeEmpty();

        Queue.Count.ShouldBe(0);
        var deadLetters = new SqsQueue(_sqs.CreateClient(), _sqs.DeadLetterQueue.Url);
        var dead = (await deadLetters.ReceiveAsync(10, 0, null, CancellationToken.None)).ShouldHaveSingleItem();
        dead.MessageId.ShouldBe(id);
        dead.Body.ShouldBe("never handled");
    }

    [Fact]
    public async Task DeleteAsync_LatestReceiptHandle_RemovesTheMessage()
    {
        Queue.Send("body");
        var queue = _sqs.CreateQueue();
        var message = (await queue.ReceiveAsync(1, 0, null, CancellationToken.None)).ShouldHaveSingleItem();

        await queue.DeleteAsync(message.ReceiptHandle, CancellationToken.None);

        Queue.Count.ShouldBe(0);
        var request = _sqs.Requests[^1];
        request.SignatureProblem.ShouldBeNull();
        request.Operation.ShouldBe("DeleteMessage");
        request.String("ReceiptHandle").ShouldBe(message.ReceiptHandle); // base64: '+', '/' and '=' arrive as sent
        request.QueueUrl.ShouldBe(FakeSqsEndpoint.QueueUrl);
    }

    [Fact]
    public async Task DeleteAsync_OlderHandleOfARedeliveredMessage_SucceedsButKeepsIt()
    {
        Queue.Send("body");
        var queue = _sqs.CreateQueue();
        var stale = (await queue.ReceiveAsync(1, 0, 30, CancellationToken.None)).ShouldHaveSingleItem();
        _clock.Advance(TimeSpan.FromSeconds(31));
        var current = (await queue.ReceiveAsync(1, 0, 30, CancellationToken.None)).ShouldHaveSingleItem();

        await queue.DeleteAsync(stale.ReceiptHandle, CancellationToken.None);
        Queue.Count.ShouldBe(1);

        await queue.DeleteAsync(current.ReceiptHandle, CancellationToken.None);
        Queue.Count.ShouldBe(0);
    }

    [Fact]
    public async Task DeleteAsync_HandleNeverIssued_ThrowsReceiptHandleIsInvalid()
    {
        var error = await Should.ThrowAsync<ReceiptHandleIsInvalidException>(() => _sqs.CreateQueue().DeleteAsync("made-up", CancellationToken.None));

        error.Message.ShouldContain("made-up");
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ChangeVisibilityAsync_HidesTheMessageForThatLongThenItIsReceivedAgain()
    {
        var id = Queue.Send("body");
        var queue = _sqs.CreateQueue();
        var message = (await queue.ReceiveAsync(1, 0, 30, CancellationToken.None)).ShouldHaveSingleItem();

        await queue.ChangeVisibilityAsync(message.ReceiptHandle, 120, CancellationToken.None);

        var request = _sqs.Requests[^1];
        request.SignatureProblem.ShouldBeNull();
        request.Operation.ShouldBe("ChangeMessageVisibility");
        request.String("ReceiptHandle").ShouldBe(message.ReceiptHandle);
        request.Int("VisibilityTimeout").ShouldBe(120);
        Queue.VisibleAt(id).ShouldBe(_clock.GetUtcNow().AddSeconds(120));
        _clock.Advance(TimeSpan.FromSeconds(119));
        (await queue.ReceiveAsync(1, 0, 30, CancellationToken.None)).ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await queue.ReceiveAsync(1, 0, 30, CancellationToken.None)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(2);
    }

    [Fact]
    public async Task ChangeVisibilityAsync_VisibilityTimeoutOver_ThrowsMessageNotInflight()
    {
        Queue.Send("body");
        var queue = _sqs.CreateQueue();
        var message = (await queue.ReceiveAsync(1, 0, 30, CancellationToken.None)).ShouldHaveSingleItem();
        _clock.Advance(TimeSpan.FromSeconds(31));

        await Should.ThrowAsync<MessageNotInflightException>(() => queue.ChangeVisibilityAsync(message.ReceiptHandle, 0, CancellationToken.None));
    }

    [Fact]
    public async Task CountVisibleAsync_CountsOnlyVisibleMessages()
    {
        foreach (var body in new[] { "a", "b", "c" }) Queue.Send(body);
        var queue = _sqs.CreateQueue();
        await queue.ReceiveAsync(1, 0, 30, CancellationToken.None);

        (await queue.CountVisibleAsync(CancellationToken.None)).ShouldBe(2);

        var request = _sqs.Requests[^1];
        request.SignatureProblem.ShouldBeNull();
        request.Operation.ShouldBe("GetQueueAttributes");
        request.Strings("AttributeNames").ShouldBe(["ApproximateNumberOfMessages"]);
    }

    [Fact]
    public async Task Calls_QueueThatDoesNotExist_ThrowQueueDoesNotExistWithSqsMessageAndRequestId()
    {
        var queue = new SqsQueue(_sqs.CreateClient(), "https://sqs.us-east-1.amazonaws.com/123456789012/no-such-queue");

        var error = await Should.ThrowAsync<QueueDoesNotExistException>(() => queue.CountVisibleAsync(CancellationToken.None));

        error.Message.ShouldBe("The specified queue does not exist.");
        error.ErrorCode.ShouldBe("AWS.SimpleQueueService.NonExistentQueue"); // from x-amzn-query-error
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.ErrorType.ShouldBe(ErrorType.Sender);
        error.RequestId.ShouldBe(_sqs.Requests.ShouldHaveSingleItem().RequestId);
    }

    public static TheoryData<string> TransientFaults => ["InternalFailure", "ServiceUnavailable", "RequestThrottled"];

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task ReceiveAsync_TransientFaultOnce_IsRetriedByTheSdk(string fault)
    {
        Queue.Send("body");
        var faults = 0;
        _sqs.Fault = _ => Interlocked.Increment(ref faults) > 1 ? null : fault switch
        {
            "InternalFailure" => FakeSqsReply.InternalFailure(),
            "ServiceUnavailable" => FakeSqsReply.ServiceUnavailable(),
            _ => FakeSqsReply.RequestThrottled(),
        };

        (await _sqs.CreateQueue().ReceiveAsync(1, 0, null, CancellationToken.None)).ShouldHaveSingleItem().Body.ShouldBe("body");

        _sqs.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ReceiveAsync_ServerFaultPersists_ThrowsWithTheStatusAndLeavesTheQueueAlone()
    {
        Queue.Send("body");
        _sqs.Fault = _ => FakeSqsReply.InternalFailure();

        var error = await Should.ThrowAsync<AmazonSQSException>(() => _sqs.CreateQueue().ReceiveAsync(1, 0, null, CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        error.ErrorCode.ShouldBe("InternalError");
        error.ErrorType.ShouldBe(ErrorType.Receiver);
        error.Message.ShouldContain("internal error");
        _sqs.Requests.Count.ShouldBeGreaterThan(1, "the SDK tried again first");
        Queue.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("<html>upstream secret page</html>")]
    [InlineData("upstream secret page")]
    public async Task DeleteAsync_GatewayPageInsteadOfSqs_ThrowsWithTheStatusAndDoesNotEchoThePage(string page)
    {
        _sqs.Fault = _ => FakeSqsReply.GatewayPage(page);

        var error = await Should.ThrowAsync<AmazonSQSException>(() => _sqs.CreateQueue().DeleteAsync("h", CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        error.Message.ShouldBe($"SQS DeleteMessage on {FakeSqsEndpoint.QueueUrl} answered HTTP 502 without an SQS error.");
        error.ToString().ShouldNotContain("secret");
    }

    [Fact]
    public async Task ReceiveAsync_BodyChangedOnTheWay_IsRefusedByTheSdksMd5Check()
    {
        _sqs.Fault = _ => FakeSqsReply.Ok(new()
        {
            ["Messages"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["MessageId"] = "m-1", ["ReceiptHandle"] = "h-1", ["Body"] = "changed", ["MD5OfBody"] = "00000000000000000000000000000000",
            }),
        });

        var error = await Should.ThrowAsync<AmazonSQSException>(() => _sqs.CreateQueue().ReceiveAsync(1, 0, null, CancellationToken.None));

        error.Message.ShouldBe("MD5 hash mismatch for message id m-1");
    }

    [Fact]
    public async Task DeleteAsync_EndpointUnreachable_ThrowsTheConnectionFailure()
    {
        var unreachable = _sqs.Url;
        await _sqs.DisposeAsync();
        _sqs = await FakeSqsEndpoint.StartAsync(_clock); // keep DisposeAsync balanced
        using var client = SqsRegistration.CreateClient(FakeSqsEndpoint.Region, unreachable.ToString(), 0, new BasicAWSCredentials("AKIDEXAMPLE", "secret"));

        var error = await Should.ThrowAsync<HttpRequestException>(() => new SqsQueue(client, FakeSqsEndpoint.QueueUrl).DeleteAsync("h", CancellationToken.None));

        error.Message.ShouldContain(unreachable.Authority);
    }
}
