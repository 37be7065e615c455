using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Domains.Adapters;

/// <summary>
/// DNS over HTTPS with the JSON API Cloudflare and Google serve:
/// <c>GET ?name=..&amp;type=TXT</c>, <c>accept: application/dns-json</c>, answering
/// <c>{"Status":0,"Answer":[{"name","type","TTL","data"}]}</c>.
/// </summary>
public sealed class DohDnsResolver(HttpClient http, IOptions<DnsOptions> options) : IDnsResolver
{
    private const int NoError = 0;
    private const int NxDomain = 3;

    public async Task<IReadOnlyList<string>> ResolveAsync(string name, string type, CancellationToken cancellationToken)
    {
        var typeNumber = DnsTypes.Number(type);
        var baseUrl = options.Value.ResolverUrl;
        var url = $"{baseUrl}{(baseUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}name={Uri.EscapeDataString(name)}&type={type.ToUpperInvariant()}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dns-json"));
        JsonDocument json;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new DnsLookupException($"The DNS resolver answered HTTP {(int)response.StatusCode} for {name} {type}.");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DnsLookupException($"The DNS resolver could not be reached: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new DnsLookupException($"The DNS resolver's answer for {name} {type} is not DNS JSON.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DnsLookupException($"The DNS resolver did not answer in time for {name} {type}.", e);
        }
        using (json)
        {
            return Read(json.RootElement, name, type, typeNumber);
        }
    }

    private static List<string> Read(JsonElement root, string name, string type, int typeNumber)
    {
        var status = root.TryGetProperty("Status", out var s) && s.TryGetInt32(out var code) ? code : -1;
        if (status == NxDomain) return [];
        if (status != NoError) throw new DnsLookupException($"The DNS resolver answered {DnsTypes.ResponseCode(status)} for {name} {type}.");
        if (!root.TryGetProperty("Answer", out var answers) || answers.ValueKind != JsonValueKind.Array) return [];
        // A CNAME on the way to the asked type appears in the answer too; keep only the asked type.
        return answers.EnumerateArray()
            .Where(a => a.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) && n == typeNumber)
            .Select(a => a.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "")
            .Select(data => typeNumber == DnsTypes.Txt ? TxtData.Join(data) : DnsTypes.Host(data))
            .ToList();
    }
}
