using MailRelay.Web.Auth;
using Serilog;
using Serilog.Formatting.Json;

namespace MailRelay.Web.Hosting;

public static class LoggingRegistration
{
    /// <summary>
    /// Serilog JSON lines on stdout (App Runner ships them to CloudWatch). Levels come from the
    /// <c>Serilog</c> section. Serilog.AspNetCore is not in our registry, hence AddSerilog by hand.
    /// </summary>
    public static IHostApplicationBuilder AddMailRelayLogging(this IHostApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .ReadFrom.Configuration(builder.Configuration)
            .Filter.ByExcluding(RefusedSignInLogFilter.IsDuplicate)
            .Enrich.FromLogContext()
            .Enrich.With<TraceIdEnricher>()
            .WriteTo.Console(new JsonFormatter(renderMessage: true))
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
