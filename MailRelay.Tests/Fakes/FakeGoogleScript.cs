using System.Collections.Concurrent;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// Scripted behaviour for one account (by email), one refresh token, or everyone. Queued answers
/// are used once each, in order; when a queue is empty the fake behaves normally.
/// </summary>
public sealed class FakeGoogleScript
{
    private readonly ConcurrentQueue<FakeResponse> _import = new();
    private readonly ConcurrentQueue<FakeResponse> _token = new();

    /// <summary>Added to every Gmail upload request (each step of a resumable upload pays it).</summary>
    public TimeSpan ImportLatency { get; set; }

    /// <summary>Added to every token request.</summary>
    public TimeSpan TokenLatency { get; set; }

    /// <summary>The next import requests get these answers, e.g. <c>ImportStatuses(500, 500, 500)</c> then normal 200s.</summary>
    public FakeGoogleScript ImportStatuses(params int[] statuses) => ImportAnswers(statuses.Select(FakeResponse.WithStatus).ToArray());

    public FakeGoogleScript ImportAnswers(params FakeResponse[] answers)
    {
        foreach (var answer in answers) _import.Enqueue(answer);
        return this;
    }

    /// <summary>The next token requests get these answers, e.g. <c>TokenAnswers(FakeResponse.InvalidGrant())</c>.</summary>
    public FakeGoogleScript TokenAnswers(params FakeResponse[] answers)
    {
        foreach (var answer in answers) _token.Enqueue(answer);
        return this;
    }

    public FakeGoogleScript TokenStatuses(params int[] statuses) =>
        TokenAnswers(statuses.Select(s => s is >= 200 and < 300 ? FakeResponse.Normal : FakeResponse.TokenError(s, "internal_failure", $"Fake Google answers {s}.")).ToArray());

    public FakeGoogleScript WithImportLatency(TimeSpan latency)
    {
        ImportLatency = latency;
        return this;
    }

    public FakeGoogleScript WithTokenLatency(TimeSpan latency)
    {
        TokenLatency = latency;
        return this;
    }

    internal FakeResponse? NextImport() => _import.TryDequeue(out var answer) ? answer : null;

    internal FakeResponse? NextToken() => _token.TryDequeue(out var answer) ? answer : null;
}
