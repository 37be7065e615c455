using System.Net;
using System.Text.Json.Nodes;

namespace MailRelay.Tests.Support;

/// <summary>
/// An answer of <see cref="FakeSqsEndpoint"/> in the AWS JSON 1.0 protocol: a JSON body, and for an
/// SQS error the <c>__type</c> shape (<c>com.amazonaws.sqs#QueueDoesNotExist</c>), its message and
/// the <c>x-amzn-query-error</c> header with the query-protocol code and fault
/// (<c>AWS.SimpleQueueService.NonExistentQueue;Sender</c>), as SQS sends them.
/// </summary>
public sealed record FakeSqsReply(HttpStatusCode Status, string Body, string? QueryError = null, string ContentType = FakeSqsReply.JsonContentType)
{
    public const string JsonContentType = "application/x-amz-json-1.0";

    public static FakeSqsReply Ok(JsonObject? result = null) => new(HttpStatusCode.OK, (result ?? []).ToJsonString());

    public static FakeSqsReply QueueDoesNotExist() =>
        SqsError("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");

    public static FakeSqsReply ReceiptHandleIsInvalid(string handle) =>
        SqsError("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    public static FakeSqsReply MessageNotInflight() =>
        SqsError("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", "The specified message isn't in flight.");

    public static FakeSqsReply InvalidParameterValue(string message) => SqsError("InvalidParameterValue", "InvalidParameterValue", message);

    public static FakeSqsReply InvalidAttributeName(string name) => SqsError("InvalidAttributeName", "InvalidAttributeName", $"Unknown Attribute {name}.");

    public static FakeSqsReply RequestThrottled() =>
        SqsError("RequestThrottled", "RequestThrottled", "Rate exceeded", status: HttpStatusCode.BadRequest);

    public static FakeSqsReply InternalFailure() =>
        CoralError("InternalFailure", "We encountered an internal error. Please try again.", HttpStatusCode.InternalServerError, "InternalError;Receiver");

    public static FakeSqsReply ServiceUnavailable() =>
        CoralError("ServiceUnavailableException", "Service is unable to handle request.", HttpStatusCode.ServiceUnavailable, "ServiceUnavailable;Receiver");

    public static FakeSqsReply InvalidSignature(string problem) =>
        CoralError("InvalidSignatureException", $"The request signature we calculated does not match the signature you provided ({problem}).", HttpStatusCode.Forbidden);

    public static FakeSqsReply UnrecognizedClient() =>
        CoralError("UnrecognizedClientException", "The security token included in the request is invalid.", HttpStatusCode.Forbidden);

    public static FakeSqsReply UnknownOperation(string target) =>
        CoralError("UnknownOperationException", $"This fake SQS speaks the AWS JSON 1.0 protocol only and has no operation '{target}'.", HttpStatusCode.BadRequest);

    public static FakeSqsReply Serialization(string problem) => CoralError("SerializationException", problem, HttpStatusCode.BadRequest);

    /// <summary>What a proxy or load balancer in front of SQS may answer: not SQS's JSON at all.</summary>
    public static FakeSqsReply GatewayPage(string html) => new(HttpStatusCode.BadGateway, html, ContentType: "text/html");

    private static FakeSqsReply SqsError(string shape, string queryCode, string message, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new(status, new JsonObject { ["__type"] = $"com.amazonaws.sqs#{shape}", ["message"] = message }.ToJsonString(), $"{queryCode};Sender");

    /// <summary>Errors of the service framework in front of SQS (signature, unknown operation, internal faults).</summary>
    private static FakeSqsReply CoralError(string shape, string message, HttpStatusCode status, string? queryError = null) =>
        new(status, new JsonObject { ["__type"] = $"com.amazon.coral.service#{shape}", ["message"] = message }.ToJsonString(), queryError);
}
