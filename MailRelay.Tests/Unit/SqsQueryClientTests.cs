using System.Net;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>The SQS query protocol against a small Kestrel endpoint that checks every signature.</summary>
public class SqsQueryClientTests : IAsyncLifetime
{
    private FakeSqsEndpoint _sqs = null!;

    public async Task InitializeAsync() => _sqs = await FakeSqsEndpoint.StartAsync();

    public async Task DisposeAsync() => await _sqs.DisposeAsync();

    private const string TwoMessages = """
        <Message>
          <MessageId>5fea7756-0ea4-451a-a703-a558b933e274</MessageId>
          <ReceiptHandle>MbZj6wDWli+JvwwJaBV+3dcjk2YW2vA3+STFFljTM8tJJg6HRG6PYSasuWXPJB+Cw==</ReceiptHandle>
          <MD5OfBody>fafb00f5732ab283681e124bf8747ed1</MD5OfBody>
          <Body>{"Type":"Notification","Message":"first &amp; &lt;one&gt;"}</Body>
          <Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>
        </Message>
        <Message>
          <MessageId>7a3c1e58-2b0d-4f4a-9d4e-0c5f0b1a2e3d</MessageId>
          <ReceiptHandle>AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq/second=</ReceiptHandle>
          <MD5OfBody>0a2c1b9f2e3d4c5b6a7980a1b2c3d4e5</MD5OfBody>
          <Body>second body</Body>
          <Attribute><Name>ApproximateReceiveCount</Name><Value>4</Value></Attribute>
        </Message>
        """;

    [Fact]
    public async Task ReceiveMessagesAsync_TwoMessages_SendsASignedFormPostAndParsesBoth()
    {
        _sqs.Respond = _ => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage", TwoMessages));

        var messages = await _sqs.CreateClient().ReceiveMessagesAsync(10, 20, 300, CancellationToken.None);

        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/");
        request.ContentType.ShouldBe("application/x-www-form-urlencoded");
        request.SecurityToken.ShouldBe("session-token-example");
        request.Form.ShouldBe(new Dictionary<string, string>
        {
            ["Action"] = "ReceiveMessage",
            ["QueueUrl"] = FakeSqsEndpoint.QueueUrl,
            ["MaxNumberOfMessages"] = "10",
            ["WaitTimeSeconds"] = "20",
            ["AttributeName.1"] = "ApproximateReceiveCount",
            ["VisibilityTimeout"] = "300",
            ["Version"] = "2012-11-05",
        }, ignoreOrder: true);

        messages.Count.ShouldBe(2);
        messages[0].MessageId.ShouldBe("5fea7756-0ea4-451a-a703-a558b933e274");
        messages[0].ReceiptHandle.ShouldBe("MbZj6wDWli+JvwwJaBV+3dcjk2YW2vA3+STFFljTM8tJJg6HRG6PYSasuWXPJB+Cw==");
        messages[0].Body.ShouldBe("""{"Type":"Notification","Message":"first & <one>"}""");
        messages[0].Md5OfBody.ShouldBe("fafb00f5732ab283681e124bf8747ed1");
        messages[0].ApproximateReceiveCount.ShouldBe(1);
        messages[1].ReceiptHandle.ShouldBe("AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq/second=");
        messages[1].Body.ShouldBe("second body");
        messages[1].Attributes["ApproximateReceiveCount"].ShouldBe("4");
    }

    [Fact]
    public async Task ReceiveMessagesAsync_WrongSecret_IsCaughtByTheEndpointsSignatureCheck()
    {
        // Proves the fake endpoint's check is real, so "SignatureProblem is null" above means something.
        var client = new SqsQueryClient(new HttpClient(), new Uri(FakeSqsEndpoint.QueueUrl), FakeSqsEndpoint.Region,
            new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "not-the-secret"), TimeProvider.System, _sqs.Url);

        await client.ReceiveMessagesAsync(1, 0, null, CancellationToken.None);

        _sqs.Requests.ShouldHaveSingleItem().SignatureProblem.ShouldNotBeNull().ShouldStartWith("signature ");
    }

    [Fact]
    public async Task ReceiveMessagesAsync_EmptyQueue_ReturnsNothing()
    {
        var messages = await _sqs.CreateClient().ReceiveMessagesAsync(1, 0, null, CancellationToken.None);

        messages.ShouldBeEmpty();
        _sqs.Requests.ShouldHaveSingleItem().Form.ContainsKey("VisibilityTimeout").ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(11, 20)]
    [InlineData(5, 21)]
    public async Task ReceiveMessagesAsync_OutOfRange_IsRefusedBeforeSending(int max, int wait)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _sqs.CreateClient().ReceiveMessagesAsync(max, wait, null, CancellationToken.None));

        _sqs.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteMessageAsync_SendsTheReceiptHandle()
    {
        await _sqs.CreateClient().DeleteMessageAsync("handle+with/special=chars", CancellationToken.None);

        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.Form["Action"].ShouldBe("DeleteMessage");
        request.Form["ReceiptHandle"].ShouldBe("handle+with/special=chars");
        request.Form["QueueUrl"].ShouldBe(FakeSqsEndpoint.QueueUrl);
    }

    [Fact]
    public async Task ChangeMessageVisibilityAsync_SendsHandleAndTimeout()
    {
        await _sqs.CreateClient().ChangeMessageVisibilityAsync("h-1", 120, CancellationToken.None);

        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.Form["Action"].ShouldBe("ChangeMessageVisibility");
        request.Form["ReceiptHandle"].ShouldBe("h-1");
        request.Form["VisibilityTimeout"].ShouldBe("120");
    }

    [Fact]
    public async Task GetApproximateNumberOfMessagesAsync_ReadsTheAttribute()
    {
        _sqs.Respond = _ => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("GetQueueAttributes",
            "<Attribute><Name>ApproximateNumberOfMessages</Name><Value>42</Value></Attribute>"));

        var count = await _sqs.CreateClient().GetApproximateNumberOfMessagesAsync(CancellationToken.None);

        count.ShouldBe(42);
        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.Form["Action"].ShouldBe("GetQueueAttributes");
        request.Form["AttributeName.1"].ShouldBe("ApproximateNumberOfMessages");
    }

    [Fact]
    public async Task CallAsync_NonExistentQueue_ThrowsWithTheAwsCodeAsPermanent()
    {
        _sqs.Respond = _ => (HttpStatusCode.BadRequest, FakeSqsEndpoint.Error("Sender", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist for this wsdl version."));

        var error = await Should.ThrowAsync<SqsException>(() => _sqs.CreateClient().GetApproximateNumberOfMessagesAsync(CancellationToken.None));

        error.Code.ShouldBe("AWS.SimpleQueueService.NonExistentQueue");
        error.ErrorType.ShouldBe("Sender");
        error.AwsMessage.ShouldBe("The specified queue does not exist for this wsdl version.");
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.RequestId.ShouldBe("00000000-0000-0000-0000-000000000002");
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("AWS.SimpleQueueService.NonExistentQueue");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Sender", "Throttling")]
    [InlineData(HttpStatusCode.BadRequest, "Sender", "RequestThrottled")]
    [InlineData(HttpStatusCode.InternalServerError, "Receiver", "InternalError")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Receiver", "ServiceUnavailable")]
    public async Task CallAsync_ThrottlingOrServerFault_IsTransient(HttpStatusCode status, string type, string code)
    {
        _sqs.Respond = _ => (status, FakeSqsEndpoint.Error(type, code, "Rate exceeded"));

        var error = await Should.ThrowAsync<SqsException>(() => _sqs.CreateClient().ReceiveMessagesAsync(1, 0, null, CancellationToken.None));

        error.Code.ShouldBe(code);
        error.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task CallAsync_NonXmlGatewayError_IsTransientAndDoesNotEchoTheBody()
    {
        _sqs.Respond = _ => (HttpStatusCode.BadGateway, "<html>upstream secret page</html>");

        var error = await Should.ThrowAsync<SqsException>(() => _sqs.CreateClient().DeleteMessageAsync("h", CancellationToken.None));

        error.Code.ShouldBe("Http502");
        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task CallAsync_EndpointUnreachable_IsTransient()
    {
        var unreachable = _sqs.Url;
        await _sqs.DisposeAsync();
        _sqs = await FakeSqsEndpoint.StartAsync(); // keep DisposeAsync balanced
        var client = new SqsQueryClient(new HttpClient(), new Uri(FakeSqsEndpoint.QueueUrl), FakeSqsEndpoint.Region,
            new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"), TimeProvider.System, unreachable);

        var error = await Should.ThrowAsync<SqsException>(() => client.DeleteMessageAsync("h", CancellationToken.None));

        error.Code.ShouldBe("RequestFailed");
        error.IsTransient.ShouldBeTrue();
    }
}
