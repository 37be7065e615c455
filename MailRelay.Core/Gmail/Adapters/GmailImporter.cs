using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailRelay.Core.Forwarding;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// One <c>users.messages.import</c> call: a multipart upload (label metadata + the raw message)
/// up to 5 MB, a resumable upload above. The raw bytes are streamed from the blob, never held
/// in memory whole.
/// </summary>
internal sealed class GmailImporter(HttpClient http, GoogleOptions options, TimeProvider time)
{
    /// <summary>Google's guidance: simple/multipart uploads for 5 MB or less, resumable above.</summary>
    public const long MultipartLimitBytes = 5 * 1024 * 1024;

    private const string MessageMediaType = "message/rfc822";

    public async Task<GmailAnswer> ImportAsync(MailboxDeliveryRequest request, string accessToken, CancellationToken cancellationToken) =>
        request.SizeBytes > MultipartLimitBytes
            ? await ResumableAsync(request, accessToken, cancellationToken)
            : await MultipartAsync(request, accessToken, cancellationToken);

    private async Task<GmailAnswer> MultipartAsync(MailboxDeliveryRequest request, string accessToken, CancellationToken cancellationToken)
    {
        await using var raw = await request.OpenRaw(cancellationToken);
        // Not buffered: MultipartContent copies each part to the connection as it is sent. With a
        // stream of unknown length the request goes out chunked rather than being measured first.
        using var content = new MultipartContent("related", "mailrelay_" + Guid.NewGuid().ToString("N"))
        {
            Metadata(request.MarkAsSpam),
            Media(raw),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, ImportUrl("multipart")) { Content = content };
        return await SendAsync(message, accessToken, cancellationToken);
    }

    private async Task<GmailAnswer> ResumableAsync(MailboxDeliveryRequest request, string accessToken, CancellationToken cancellationToken)
    {
        Uri session;
        using (var start = new HttpRequestMessage(HttpMethod.Post, ImportUrl("resumable")) { Content = Metadata(request.MarkAsSpam) })
        {
            start.Headers.Add("X-Upload-Content-Type", MessageMediaType);
            start.Headers.Add("X-Upload-Content-Length", request.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await SendRawAsync(start, accessToken, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Headers.Location is null)
            {
                var answer = await GmailAnswer.ReadAsync(response, time, cancellationToken);
                return answer.IsSuccess ? answer with { Status = HttpStatusCode.BadGateway, ErrorMessage = "Gmail opened no upload session (no Location header)" } : answer;
            }
            session = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(new Uri(options.GmailApiBaseUrl), response.Headers.Location);
        }

        await using var raw = await request.OpenRaw(cancellationToken);
        var media = Media(raw);
        media.Headers.ContentLength = request.SizeBytes;
        using var upload = new HttpRequestMessage(HttpMethod.Put, session) { Content = media };
        var uploaded = await SendAsync(upload, accessToken, cancellationToken);
        // A session Google no longer knows (expired, lost) is started afresh on the next attempt.
        return uploaded.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone
            ? uploaded with { Status = HttpStatusCode.ServiceUnavailable, ErrorMessage = $"The resumable upload session is gone: {uploaded.ErrorMessage}" }
            : uploaded;
    }

    private async Task<GmailAnswer> SendAsync(HttpRequestMessage message, string accessToken, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(message, accessToken, cancellationToken);
        return await GmailAnswer.ReadAsync(response, time, cancellationToken);
    }

    /// <summary>Each request gets <see cref="GoogleOptions.RequestTimeout"/>; the caller tells a timeout from its own cancellation.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, string accessToken, CancellationToken cancellationToken)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        // The default completion option reads the (small JSON) answer within the same timeout.
        return await http.SendAsync(message, timeout.Token);
    }

    private Uri ImportUrl(string uploadType) =>
        new($"{options.GmailApiBaseUrl.TrimEnd('/')}/upload/gmail/v1/users/me/messages/import?uploadType={uploadType}&internalDateSource=receivedTime");

    private static StringContent Metadata(bool markAsSpam) =>
        new(JsonSerializer.Serialize(new Dictionary<string, IReadOnlyList<string>> { ["labelIds"] = GmailLabels.For(markAsSpam) }),
            Encoding.UTF8, "application/json");

    private static StreamContent Media(Stream raw)
    {
        var media = new StreamContent(raw);
        media.Headers.ContentType = new MediaTypeHeaderValue(MessageMediaType);
        return media;
    }
}
