using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Api.OpenApi;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Http.Features;

namespace MailRelay.Web.Api;

/// <summary>
/// The Queues page for admins: the counts, the messages and their deliveries, and its actions
/// (retry, release, purge, upload) over the same <see cref="QueueAdmin"/> and <see cref="MessageUpload"/>, audited there.
/// </summary>
public static class AdminQueueEndpoints
{
    public static RouteGroupBuilder MapAdminQueueEndpoints(this RouteGroupBuilder admin)
    {
        var queues = admin.MapGroup("").WithTags("Queues");
        queues.MapGet("/queues", OverviewAsync)
            .Produces<QueueOverview>()
            .WithSummary("Each user's deliveries by status, and the received mail not yet taken in.");
        queues.MapGet("/messages", ListAsync)
            .Produces<Page<MessageListItem>>().ProducesValidationProblem()
            .WithSummary("Messages with their deliveries, newest first, filtered by user, delivery status and text, paged (after= a page's next cursor reads the following page).");
        queues.MapGet("/messages/{messageId}", DetailsAsync)
            .Produces<MessageDetails>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One message with each delivery and its timeline.");
        queues.MapPost("/messages", UploadAsync)
            .DocumentsRawBody("message/rfc822").Audits(AuditActions.MessageUpload)
            .Produces<UploadedMessage>(StatusCodes.Status201Created).Produces<UploadedMessage>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Takes in a raw message (.eml, the request body) for the envelope recipients in ?recipients=, like received mail; 200 when it was already stored.");
        queues.MapDelete("/messages/{messageId}", PurgeAsync)
            .Audits(AuditActions.MessagePurge)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Purges a message: every delivery not done yet is dropped and its raw bytes deleted.");
        queues.MapPost("/deliveries/{id:long}/retry", async (long id, QueueAdmin queueAdmin, HttpContext http) =>
                Answer(await queueAdmin.RetryAsync(http.User.UserId(), id, http.RequestAborted), "retried"))
            .Audits(AuditActions.DeliveryRetry)
            .Produces<Delivery>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tries a failed, retrying or queued delivery again now.");
        queues.MapPost("/deliveries/{id:long}/release", ReleaseAsync)
            .DocumentsJsonBody<ReleaseRequest>(required: false).Audits(AuditActions.DeliveryRelease)
            .Produces<Delivery>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Releases a held delivery; one no route matched needs assignToUserId (the body is optional otherwise).");
        return admin;
    }

    private static async Task<QueueOverview> OverviewAsync(QueueView queues, HttpContext http) =>
        new(await queues.SummarizeAsync(http.RequestAborted), await queues.CountWaitingInboundAsync(http.RequestAborted));

    private static async Task<IResult> ListAsync(QueueView queues, HttpContext http, string? user = null, string? status = null, string? text = null,
        int skip = 0, int take = 25, string? after = null)
    {
        if (!ApiResults.TryParseStatus<DeliveryStatus>(status, out var wanted, out var problem)) return problem;
        var filter = new MessageFilter(Blank(user), wanted, Blank(text));
        return Results.Ok(await queues.ListMessagesAsync(filter, new PageRequest(skip, take, after), http.RequestAborted));
    }

    private static async Task<IResult> DetailsAsync(string messageId, QueueView queues, HttpContext http) =>
        await queues.DeliveriesOfAsync(messageId, http.RequestAborted) is { } details ? Results.Ok(details) : NoSuchMessage();

    private static async Task<IResult> UploadAsync(MessageUpload upload, HttpContext http, string? recipients = null)
    {
        var parsed = RecipientList.Parse(recipients);
        if (!parsed.IsSuccess) return ApiResults.Problem(parsed.Failure, NotStored, field: "recipients");
        if (http.Request.ContentLength == 0) return ApiResults.ValidationProblem("body", "Send the raw message (.eml) as the request body.", NotStored);
        if (http.Request.ContentLength > MessageUpload.MaxBytes) return TooLarge();
        // The page's limit, not the server's default (smaller); a chunked body is cut off there too.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MessageUpload.MaxBytes;
        try
        {
            var (result, messageId) = await upload.UploadAsync(http.User.UserId(), http.Request.Body, parsed.Value, http.RequestAborted);
            var uploaded = new UploadedMessage(messageId, result);
            return result == IntakeResult.Accepted ? Results.Created($"/api/admin/messages/{messageId}", uploaded) : Results.Ok(uploaded);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
    }

    private static async Task<IResult> PurgeAsync(string messageId, QueueAdmin queueAdmin, HttpContext http)
    {
        var result = await queueAdmin.PurgeAsync(http.User.UserId(), messageId, http.RequestAborted);
        return result.IsSuccess ? Results.NoContent() : ApiResults.Problem(result.Failure);
    }

    private static async Task<IResult> ReleaseAsync(long id, QueueAdmin queueAdmin, HttpContext http)
    {
        ReleaseRequest? request = null;
        if (http.Request.ContentLength is > 0 || http.Request.HasJsonContentType())
        {
            request = await JsonBody.ReadAsync<ReleaseRequest>(http);
            if (request is null)
                return ApiResults.ValidationProblem("body", "Send nothing, or JSON with assignToUserId.", "The delivery was not released.");
        }
        var assignTo = string.IsNullOrWhiteSpace(request?.AssignToUserId) ? null : request.AssignToUserId.Trim();
        return Answer(await queueAdmin.ReleaseAsync(http.User.UserId(), id, assignTo, http.RequestAborted), "released");
    }

    /// <summary>A delivery action's answer: the delivery as it is now, or the service's refusal (404 unknown id, 409 with its sentence).</summary>
    private static IResult Answer(Result<Delivery> result, string done) =>
        result.IsSuccess ? Results.Ok(result.Value) : ApiResults.Problem(result.Failure, $"The delivery was not {done}.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult TooLarge() =>
        Results.Problem($"The largest message accepted is {MessageUpload.MaxBytes / (1024 * 1024)} MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: NotStored);

    private static IResult NoSuchMessage() => Results.Problem("There is no such message.", statusCode: StatusCodes.Status404NotFound);

    private const string NotStored = "The message was not stored.";
}
