using System.Text.Json;
using MailRelay.Core.Domains;
using MailRelay.Core.Domains.Adapters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailRelay.Tests.Support;

/// <summary>
/// A DNS-over-HTTPS JSON resolver on 127.0.0.1 (Kestrel), answering from a zone the test writes,
/// in the shape Cloudflare and Google use: <c>{"Status":0,"Answer":[{"name","type","TTL","data"}]}</c>,
/// TXT data quoted (split into strings like real resolvers do for long values), host names with the
/// root dot, NXDOMAIN (Status 3) for names that hold nothing, and any status the test scripts.
/// </summary>
public sealed class FakeDohEndpoint : IAsyncDisposable
{
    private static readonly Dictionary<string, int> TypeNumbers = new(StringComparer.OrdinalIgnoreCase) { ["A"] = 1, ["CNAME"] = 5, ["MX"] = 15, ["TXT"] = 16 };

    private LoopbackHost _host = null!;
    private readonly List<(string Name, string Type, string Data)> _records = [];
    private readonly Dictionary<string, int> _statuses = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Received> _requests = [];

    /// <summary>One query as it arrived.</summary>
    public sealed record Received(string? Name, string? Type, string Accept);

    public Uri Url => _host.Url;

    /// <summary>The resolver URL to configure (<c>Dns:ResolverUrl</c>).</summary>
    public string ResolverUrl => new Uri(Url, "dns-query").ToString();

    public IReadOnlyList<Received> Requests { get { lock (_requests) return [.. _requests]; } }

    public static async Task<FakeDohEndpoint> StartAsync()
    {
        var endpoint = new FakeDohEndpoint();
        endpoint._host = await LoopbackHost.StartAsync(app => app.MapGet("/dns-query", endpoint.HandleAsync));
        return endpoint;
    }

    /// <summary>A TXT record, written as DoH resolvers write it: quoted strings of at most <paramref name="chunk"/> characters.</summary>
    public FakeDohEndpoint Txt(string name, string text, int chunk = 255)
    {
        var strings = Enumerable.Range(0, Math.Max(1, (text.Length + chunk - 1) / chunk))
            .Select(i => "\"" + text.Substring(i * chunk, Math.Min(chunk, text.Length - i * chunk)).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        return Add(name, "TXT", string.Join(' ', strings));
    }

    public FakeDohEndpoint Cname(string name, string target) => Add(name, "CNAME", target + ".");

    public FakeDohEndpoint Mx(string name, int priority, string host) => Add(name, "MX", $"{priority} {host}.");

    /// <summary>A record with its data exactly as the resolver sends it.</summary>
    public FakeDohEndpoint Add(string name, string type, string data)
    {
        lock (_records) _records.Add((name.ToLowerInvariant(), type.ToUpperInvariant(), data));
        return this;
    }

    public void Clear(string name, string type)
    {
        lock (_records) _records.RemoveAll(r => r.Name == name.ToLowerInvariant() && r.Type == type.ToUpperInvariant());
    }

    /// <summary>Answers every query for <paramref name="name"/> with this DNS response code (2 = SERVFAIL).</summary>
    public void FailWith(string name, int status)
    {
        lock (_statuses) _statuses[name] = status;
    }

    /// <summary>The resolver the app uses, pointed here.</summary>
    public DohDnsResolver CreateResolver() =>
        new(new HttpClient(), Microsoft.Extensions.Options.Options.Create(new DnsOptions { ResolverUrl = ResolverUrl }));

    private async Task HandleAsync(HttpContext context)
    {
        var name = context.Request.Query["name"].ToString().TrimEnd('.').ToLowerInvariant();
        var type = context.Request.Query["type"].ToString().ToUpperInvariant();
        lock (_requests) _requests.Add(new Received(name, type, context.Request.Headers.Accept.ToString()));
        int status;
        lock (_statuses) status = _statuses.GetValueOrDefault(name);
        List<(string Name, string Type, string Data)> matching;
        lock (_records) matching = _records.Where(r => r.Name == name).ToList();
        if (status == 0 && matching.Count == 0) status = 3;
        // Like a real resolver, a CNAME at the name is answered (first) for any asked type.
        var answer = matching.Where(r => status == 0 && (r.Type == type || r.Type == "CNAME"))
            .OrderBy(r => r.Type == "CNAME" ? 0 : 1)
            .Select(r => new { name = r.Name + ".", type = TypeNumbers[r.Type], TTL = 300, data = r.Data })
            .ToList();
        context.Response.ContentType = "application/dns-json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            Status = status, TC = false, RD = true, RA = true, AD = false, CD = false,
            Question = new[] { new { name = name + ".", type = TypeNumbers.GetValueOrDefault(type) } },
            Answer = answer,
        }), context.RequestAborted);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
