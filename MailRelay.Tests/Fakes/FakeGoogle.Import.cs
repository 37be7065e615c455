using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// The Gmail side: <c>/upload/gmail/v1/users/{userId}/messages/import</c> with
/// <c>uploadType=media</c>, <c>multipart</c> (JSON metadata + message) and <c>resumable</c>
/// (a session POST answered with a <c>Location</c>, then a PUT of the bytes).
/// </summary>
public sealed partial class FakeGoogle
{
    private const string ImportPath = "/upload/gmail/v1/users/{userId}/messages/import";
    private static readonly string[] Exclusive = ["INBOX", "SPAM", "TRASH"];
    private static readonly HashSet<string> SystemLabels = new(StringComparer.Ordinal)
    {
        "INBOX", "SPAM", "TRASH", "UNREAD", "STARRED", "IMPORTANT",
        "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS",
    };

    private readonly Dictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);

    private void MapImportEndpoints(WebApplication app)
    {
        app.MapPost(ImportPath, (RequestDelegate)ImportAsync);
        app.MapPut(ImportPath, (RequestDelegate)UploadAsync);
    }

    private async Task ImportAsync(HttpContext context)
    {
        Interlocked.Increment(ref _importRequests);
        _importRequestTimes.Enqueue(DateTimeOffset.UtcNow);
        var account = Authenticate(context);
        if (account is null)
        {
            await WriteAsync(context, Unauthenticated());
            return;
        }
        if (!await ScriptedAsync(context, account)) return;
        if (!IsSelf(context, account))
        {
            await WriteAsync(context, FakeResponse.GmailError(403, "Delegation denied for " + account.Email, "forbidden"));
            return;
        }
        var query = context.Request.Query;
        switch (query["uploadType"].ToString())
        {
            case "media":
                if (!IsMessageType(context.Request.ContentType, out var refusal)) { await WriteAsync(context, refusal); return; }
                await StoreAsync(context, account, await ReadMessageAsync(Counted(context.Request.Body), context.RequestAborted), [], "media");
                break;
            case "multipart":
                await MultipartAsync(context, account);
                break;
            case "resumable":
                await StartSessionAsync(context, account);
                break;
            default:
                await WriteAsync(context, FakeResponse.GmailError(400, $"Invalid upload type: '{query["uploadType"]}'", "badRequest"));
                break;
        }
    }

    private async Task MultipartAsync(HttpContext context, Account account)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/related", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, FakeResponse.GmailError(400, $"uploadType=multipart needs multipart/related, not '{context.Request.ContentType}'", "badContent"));
            return;
        }
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, Counted(context.Request.Body));
        var metadata = await reader.ReadNextSectionAsync(context.RequestAborted);
        if (metadata is null || !(metadata.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, FakeResponse.GmailError(400, "Multipart upload needs a JSON metadata part first", "badContent"));
            return;
        }
        var json = await ReadJsonAsync(metadata.Body, context.RequestAborted);
        var media = await reader.ReadNextSectionAsync(context.RequestAborted);
        if (media is null)
        {
            await WriteAsync(context, FakeResponse.GmailError(400, "Multipart upload needs a media part after the metadata", "badContent"));
            return;
        }
        if (!IsMessageType(media.ContentType, out var refusal))
        {
            await WriteAsync(context, refusal);
            return;
        }
        await StoreAsync(context, account, await ReadMessageAsync(media.Body, context.RequestAborted), LabelIds(json), "multipart");
    }

    private async Task StartSessionAsync(HttpContext context, Account account)
    {
        var labels = LabelIds(await ReadJsonAsync(Counted(context.Request.Body), context.RequestAborted));
        var headers = context.Request.Headers;
        if (!IsMessageType(headers["X-Upload-Content-Type"], out var refusal))
        {
            await WriteAsync(context, refusal);
            return;
        }
        if (!long.TryParse(headers["X-Upload-Content-Length"], out var length))
        {
            await WriteAsync(context, FakeResponse.GmailError(400, "X-Upload-Content-Length is required", "badRequest"));
            return;
        }
        var id = Guid.NewGuid().ToString("N");
        lock (_gate) _sessions[id] = new UploadSession(account, labels, length, context.Request.Query["internalDateSource"]);
        context.Response.StatusCode = 200;
        context.Response.Headers.Location = new Uri(BaseUrl, $"upload/gmail/v1/users/me/messages/import?uploadType=resumable&upload_id={id}").ToString();
    }

    private async Task UploadAsync(HttpContext context)
    {
        Interlocked.Increment(ref _importRequests);
        _importRequestTimes.Enqueue(DateTimeOffset.UtcNow);
        UploadSession? session;
        var id = context.Request.Query["upload_id"].ToString();
        lock (_gate) _sessions.TryGetValue(id, out session);
        if (session is null)
        {
            await WriteAsync(context, FakeResponse.GmailError(404, "No upload session " + id, "notFound"));
            return;
        }
        // As at Google, the session URI itself is the credential: the PUT needs no bearer token.
        await Task.Delay(Scripts(session.Account).Select(s => s.ImportLatency).Max(), context.RequestAborted);
        var raw = await ReadMessageAsync(Counted(context.Request.Body), context.RequestAborted);
        if (raw.Length != session.Length)
        {
            await WriteAsync(context, FakeResponse.GmailError(400, $"Received {raw.Length} bytes, but the session announced {session.Length}", "badContent"));
            return;
        }
        lock (_gate) _sessions.Remove(id);
        await StoreAsync(context, session.Account, raw, session.Labels, "resumable", session.InternalDateSource);
    }

    private async Task StoreAsync(HttpContext context, Account account, ReceivedBody raw, IReadOnlyList<string> labels, string uploadType, string? internalDateSource = null)
    {
        if (raw.Length == 0)
        {
            await WriteAsync(context, FakeResponse.GmailError(400, "Invalid message: empty", "invalidArgument"));
            return;
        }
        if (labels.FirstOrDefault(l => !SystemLabels.Contains(l)) is { } unknown)
        {
            await WriteAsync(context, FakeResponse.GmailError(400, $"Invalid label: {unknown}", "invalidArgument"));
            return;
        }
        if (labels.Count(Exclusive.Contains) > 1)
        {
            await WriteAsync(context, FakeResponse.GmailError(400, "Can only add one of: INBOX, SPAM, TRASH", "invalidArgument"));
            return;
        }
        var message = new FakeGmailMessage(Convert.ToHexString(Guid.NewGuid().ToByteArray()[..8]).ToLowerInvariant(), raw.Kept, labels,
            DateTimeOffset.UtcNow, uploadType, internalDateSource ?? context.Request.Query["internalDateSource"], raw.Length);
        lock (_gate) account.Messages.Add(message);
        await WriteJsonAsync(context, 200, new { id = message.Id, threadId = message.Id, labelIds = labels });
    }

    /// <summary>Applies latency and the next scripted answer; false when the scripted answer was sent instead.</summary>
    private async Task<bool> ScriptedAsync(HttpContext context, Account account)
    {
        var scripts = Scripts(account);
        var scripted = scripts.Select(s => s.NextImport()).FirstOrDefault(a => a is not null);
        await Task.Delay(scripts.Select(s => s.ImportLatency).Max() + (scripted?.Delay ?? TimeSpan.Zero), context.RequestAborted);
        if (scripted is not { PassThrough: false }) return true;
        await WriteAsync(context, scripted);
        return false;
    }

    private List<FakeGoogleScript> Scripts(Account account) =>
        _scripts.TryGetValue(account.Email, out var own) ? [own, _everyone] : [_everyone];

    private Account? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        var token = header["Bearer ".Length..];
        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var access) && !_revoked.Contains(token) && access.ExpiresAt > DateTimeOffset.UtcNow
                ? access.Account
                : null;
        }
    }

    private static bool IsSelf(HttpContext context, Account account)
    {
        var userId = context.Request.RouteValues["userId"]?.ToString();
        return userId == "me" || string.Equals(userId, account.Email, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMessageType(string? contentType, out FakeResponse refusal)
    {
        refusal = FakeResponse.GmailError(400, $"Media type '{contentType}' is not supported. Valid media types: [message/*]", "badContent");
        return contentType?.StartsWith("message/", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static FakeResponse Unauthenticated() => FakeResponse.GmailError(401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        "authError");

    private Stream Counted(Stream body) => new CountingStream(body, n => Interlocked.Add(ref _uploadBytes, n));

    /// <summary>Reads an uploaded message, keeping all of it or, for the benchmark, only its first bytes.</summary>
    private async Task<ReceivedBody> ReadMessageAsync(Stream body, CancellationToken cancellationToken)
    {
        if (KeepBytesPerMessage is not { } keep) return new ReceivedBody(await ReadAllAsync(body, cancellationToken), -1);
        var kept = new MemoryStream();
        // Pooled: a fresh 80 KB buffer per upload was the fake's own allocation and zeroing, counted in the benchmark.
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (kept.Length < keep) kept.Write(buffer, 0, (int)Math.Min(read, keep - kept.Length));
                length += read;
            }
            return new ReceivedBody(kept.ToArray(), length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed record ReceivedBody(byte[] Kept, long ReadLength)
    {
        public long Length => ReadLength < 0 ? Kept.Length : ReadLength;
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<JsonElement?> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(body, cancellationToken);
        return bytes.Length == 0 ? null : JsonDocument.Parse(bytes).RootElement.Clone();
    }

    private static IReadOnlyList<string> LabelIds(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("labelIds", out var ids)
            ? ids.EnumerateArray().Select(l => l.GetString()!).ToList()
            : [];

    private sealed record UploadSession(Account Account, IReadOnlyList<string> Labels, long Length, string? InternalDateSource);
}
