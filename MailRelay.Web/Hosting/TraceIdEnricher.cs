using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace MailRelay.Web.Hosting;

/// <summary>Puts the current request's W3C trace id on every log event, so a request's lines can be found together.</summary>
public sealed class TraceIdEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Activity.Current is not { } activity) return;
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("TraceId", activity.TraceId.ToString()));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("SpanId", activity.SpanId.ToString()));
    }
}
