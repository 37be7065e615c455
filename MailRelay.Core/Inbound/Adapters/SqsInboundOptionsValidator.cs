using MailRelay.Core.Infrastructure.Aws;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>Fails at start with a sentence that names the key.</summary>
public sealed class SqsInboundOptionsValidator : IValidateOptions<SqsInboundOptions>
{
    public ValidateOptionsResult Validate(string? name, SqsInboundOptions options)
    {
        const string section = SqsInboundOptions.SectionName;
        var failures = new List<string>();
        if (!IsHttpUrl(options.QueueUrl))
            failures.Add($"{section}:QueueUrl must be the queue's absolute http(s) URL (it is '{options.QueueUrl}').");
        if (string.IsNullOrWhiteSpace(options.Region))
            failures.Add($"{section}:Region must name the queue's region, e.g. eu-west-1.");
        if (options.WaitTimeSeconds is < 0 or > SqsQueue.MaxWaitTimeSeconds)
            failures.Add($"{section}:WaitTimeSeconds must be between 0 and {SqsQueue.MaxWaitTimeSeconds} (it is {options.WaitTimeSeconds}).");
        if (options.VisibilityTimeoutSeconds is < 0 or > SqsQueue.MaxVisibilityTimeoutSeconds)
            failures.Add($"{section}:VisibilityTimeoutSeconds must be between 0 and {SqsQueue.MaxVisibilityTimeoutSeconds} (it is {options.VisibilityTimeoutSeconds}).");
        if (!string.IsNullOrEmpty(options.ServiceUrl) && !IsHttpUrl(options.ServiceUrl))
            failures.Add($"{section}:ServiceUrl must be an absolute http(s) URL when set (it is '{options.ServiceUrl}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
