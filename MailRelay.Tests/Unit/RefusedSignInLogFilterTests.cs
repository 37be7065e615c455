using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace MailRelay.Tests.Unit;

/// <summary>Through the real Serilog bridge, so the filter sees the event id and category exactly as the app logs them.</summary>
public sealed class RefusedSignInLogFilterTests
{
    private static readonly string Handler = typeof(OpenIdConnectHandler).FullName!;

    [Theory]
    [InlineData(17, "ExceptionProcessingMessage")]
    [InlineData(12, "ResponseError")]
    [InlineData(52, "ResponseErrorWithStatusCode")]
    public void IsDuplicate_HandlersRefusalErrors_AreDropped(int id, string name) =>
        Logged(Handler, new EventId(id, name)).ShouldBeEmpty();

    [Fact]
    public void IsDuplicate_HandlersOtherLines_AreKept() =>
        Logged(Handler, new EventId(23, "UnableToProtectNonceCookie")).ShouldHaveSingleItem();

    [Fact]
    public void IsDuplicate_SameEventNameFromAnotherCategory_IsKept() =>
        Logged("MailRelay.Web.Something", new EventId(17, "ExceptionProcessingMessage")).ShouldHaveSingleItem();

    private static List<LogEvent> Logged(string category, EventId eventId)
    {
        var sink = new CollectingSink();
        using (var serilog = new LoggerConfiguration().Filter.ByExcluding(RefusedSignInLogFilter.IsDuplicate).WriteTo.Sink(sink).CreateLogger())
        using (var provider = new SerilogLoggerProvider(serilog))
        {
            provider.CreateLogger(category).LogError(eventId, new InvalidOperationException("refused"), "A line");
        }
        return sink.Events;
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
