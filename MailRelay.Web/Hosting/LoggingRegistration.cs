using MailRelay.Web.Auth;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace MailRelay.Web.Hosting;

public static class LoggingRegistration
{
    /// <summary>
    /// Serilog JSON lines on stdout (App Runner ships them to CloudWatch). Levels come from the
    /// <c>Serilog</c> section; each event carries the W3C <c>TraceId</c>/<c>SpanId</c> of the
    /// request it belongs to (Serilog reads them from the current activity).
    /// </summary>
    public static IHostApplicationBuilder AddMailRelayLogging(this IHostApplicationBuilder builder)
    {
        // Serilog writes the console lines; the default console provider would print each event twice.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => logger
                .MinimumLevel.Information()
                // One line per request comes from UseSerilogRequestLogging; ASP.NET Core's own would repeat it.
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .ReadFrom.Configuration(builder.Configuration)
                // Sinks and enrichers registered as services (a test's capture, say) join the pipeline.
                .ReadFrom.Services(services)
                // The OpenIdConnect handler logs each refused sign-in as an error before ours says why, once, as a warning.
                .Filter.ByExcluding(RefusedSignInLogFilter.IsDuplicate)
                .Enrich.FromLogContext()
                .WriteTo.Console(new JsonFormatter(renderMessage: true)),
            // Several hosts share one process in the tests: each keeps its own logger, none takes Log.Logger.
            preserveStaticLogger: true,
            // Other logger providers (the tests' capture) still receive every event Serilog lets through.
            writeToProviders: true);
        return builder;
    }

    /// <summary>One line per request, with its trace id: Information, or Error when it answered 5xx or threw.</summary>
    public static WebApplication UseMailRelayRequestLogging(this WebApplication app)
    {
        // This host's logger: the static Log.Logger is left alone (see preserveStaticLogger above).
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        return app;
    }
}
