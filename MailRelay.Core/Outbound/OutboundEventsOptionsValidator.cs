using Microsoft.Extensions.Options;

namespace MailRelay.Core.Outbound;

/// <summary>Fails at start with a sentence that names the key.</summary>
public sealed class OutboundEventsOptionsValidator : IValidateOptions<OutboundEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundEventsOptions options)
    {
        const string section = OutboundEventsOptions.SectionName;
        var failures = new List<string>();
        var sqs = options.Provider.Equals(OutboundEventsOptions.Sqs, StringComparison.OrdinalIgnoreCase);
        if (!sqs && !options.Provider.Equals(OutboundEventsOptions.Folder, StringComparison.OrdinalIgnoreCase))
            failures.Add($"{section}:Provider '{options.Provider}' is not known; use one of: {OutboundEventsOptions.Folder}, {OutboundEventsOptions.Sqs}.");
        if (sqs && !IsHttpUrl(options.EventsQueueUrl))
            failures.Add($"{section}:EventsQueueUrl must be the events queue's absolute http(s) URL when {section}:Provider is Sqs (it is '{options.EventsQueueUrl}').");
        if (sqs && string.IsNullOrWhiteSpace(options.Region))
            failures.Add($"{section}:Region must name the events queue's region, e.g. eu-west-1.");
        if (!string.IsNullOrEmpty(options.ServiceUrl) && !IsHttpUrl(options.ServiceUrl))
            failures.Add($"{section}:ServiceUrl must be an absolute http(s) URL when set (it is '{options.ServiceUrl}').");
        if (options.WaitTimeSeconds is < 0 or > 20)
            failures.Add($"{section}:WaitTimeSeconds must be between 0 and 20 (it is {options.WaitTimeSeconds}).");
        if (options.Interval < TimeSpan.FromMilliseconds(100))
            failures.Add($"{section}:Interval must be at least 00:00:00.100 (it is {options.Interval}).");
        if (string.IsNullOrWhiteSpace(options.EventsFolderPath))
            failures.Add($"{section}:EventsFolderPath must name a folder.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
