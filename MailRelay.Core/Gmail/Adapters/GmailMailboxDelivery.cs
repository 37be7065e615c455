using MailRelay.Core.Forwarding;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// Imports a message into the user's own Gmail (<c>users.messages.import</c>) with their
/// refresh token. One attempt per call, plus one retry with a fresh token when Gmail rejects the
/// access token; retrying transient failures is the caller's choice.
/// </summary>
public sealed partial class GmailMailboxDelivery(
    IHttpClientFactory httpClients,
    IGmailConnectionStore connectionStore,
    GoogleAccessTokens tokens,
    IOptions<GoogleOptions> options,
    TimeProvider time,
    ILogger<GmailMailboxDelivery> logger) : IMailboxDelivery
{
    /// <summary>The named <see cref="HttpClient"/> the Gmail calls go through.</summary>
    public const string HttpClientName = "Gmail";

    public const string NotConnected = "Gmail is not connected";

    public async Task<MailboxDeliveryResult> DeliverAsync(MailboxDeliveryRequest request, CancellationToken cancellationToken)
    {
        var connection = await connectionStore.FindGmailConnectionAsync(request.UserId, cancellationToken);
        if (connection is not { IsUsable: true })
        {
            LogNotConnected(logger, request.UserId, request.MessageId, connection?.Status.ToString() ?? "none");
            return MailboxDeliveryResult.TokenError(NotConnected);
        }

        var importer = new GmailImporter(httpClients.CreateClient(HttpClientName), options.Value, time);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(connection, cancellationToken);
            if (!token.Succeeded) return TokenFailure(request, token);

            var answer = await TryImportAsync(importer, request, token.Value!, cancellationToken);
            if (answer.Result is { } failed) return Log(request, failed);
            if (answer.Gmail!.IsUnauthorized && attempt == 1)
            {
                // Revoked since it was cached, or expired early: one more try with a fresh token tells which.
                tokens.Invalidate(request.UserId, token.Value!);
                LogTokenRejected(logger, request.UserId, request.MessageId);
                continue;
            }
            return Log(request, answer.Gmail.ToResult());
        }
    }

    private async Task<(GmailAnswer? Gmail, MailboxDeliveryResult? Result)> TryImportAsync(
        GmailImporter importer, MailboxDeliveryRequest request, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            return (await importer.ImportAsync(request, accessToken, cancellationToken), null);
        }
        catch (BlobNotFoundException e)
        {
            return (null, MailboxDeliveryResult.Refused($"The raw message is missing: {e.Message}"));
        }
        catch (HttpRequestException e)
        {
            return (null, MailboxDeliveryResult.Transient($"Gmail could not be reached: {e.Message}"));
        }
        catch (IOException e)
        {
            return (null, MailboxDeliveryResult.Transient($"The upload to Gmail broke off: {e.Message}"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, MailboxDeliveryResult.Transient($"Gmail did not answer within {options.Value.RequestTimeout}."));
        }
    }

    private MailboxDeliveryResult TokenFailure(MailboxDeliveryRequest request, GoogleAccessToken token)
    {
        LogNoToken(logger, request.UserId, request.MessageId, token.Failure);
        return (token.Failure == GoogleTokenFailure.Transient
            ? MailboxDeliveryResult.Transient(token.Error!)
            : MailboxDeliveryResult.TokenError(token.Error!)) with { TokenRefreshFailed = true };
    }

    private MailboxDeliveryResult Log(MailboxDeliveryRequest request, MailboxDeliveryResult result)
    {
        if (result.Outcome == MailboxDeliveryOutcome.Delivered)
            LogDelivered(logger, request.MessageId, request.UserId, result.ExternalId, request.SizeBytes);
        else
            LogFailed(logger, request.MessageId, request.UserId, result.Outcome, result.Error, result.RetryAfter);
        return result;
    }

    [LoggerMessage(LogLevel.Information, "Imported message {MessageId} ({SizeBytes} bytes) into the Gmail of user {UserId} as {GmailMessageId}")]
    private static partial void LogDelivered(ILogger logger, string messageId, string userId, string? gmailMessageId, long sizeBytes);

    [LoggerMessage(LogLevel.Warning, "Gmail import of message {MessageId} for user {UserId} ended {Outcome}: {Error} (retry after {RetryAfter})")]
    private static partial void LogFailed(ILogger logger, string messageId, string userId, MailboxDeliveryOutcome outcome, string? error, TimeSpan? retryAfter);

    [LoggerMessage(LogLevel.Warning, "User {UserId} has no usable Gmail connection (status {Status}); message {MessageId} waits")]
    private static partial void LogNotConnected(ILogger logger, string userId, string messageId, string status);

    [LoggerMessage(LogLevel.Warning, "No Google access token for user {UserId} ({Failure}); message {MessageId} not imported")]
    private static partial void LogNoToken(ILogger logger, string userId, string messageId, GoogleTokenFailure failure);

    [LoggerMessage(LogLevel.Information, "Gmail rejected the access token of user {UserId} for message {MessageId}; refreshing it once")]
    private static partial void LogTokenRejected(ILogger logger, string userId, string messageId);
}
