using MailRelay.Core.Configuration;
using MailRelay.Core.Notifications;
using MailRelay.Web.Api;
using MailRelay.Web.Api.OpenApi;
using MailRelay.Web.Auth;
using MailRelay.Web.Components;
using MailRelay.Web.Emails;
using MailRelay.Web.Gmail;
using MailRelay.Web.Hosting;
using MailRelay.Web.Components.Layout;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace MailRelay.Web;

public static class WebRegistration
{
    /// <summary>Blazor Server with MudBlazor, sign-in, the API, health checks and logging.</summary>
    public static IHostApplicationBuilder AddMailRelayWeb(this IHostApplicationBuilder builder)
    {
        builder.AddMailRelayLogging();
        var services = builder.Services;
        // Program.cs reads Hosting before the host is built; bound here too so a value that does not convert is reported at start.
        services.AddOptions<HostingOptions>().BindSection(HostingOptions.SectionName);
        services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<ThemeState>();
        services.AddScoped<ViewerTimeZone>();
        services.AddSingleton<IEmailComposer, RazorEmailComposer>();
        services.AddMailRelayAuth(builder.Configuration);
        services.AddAntiforgery();
        services.AddProblemDetails();
        // API clients read states as words ("Connected"), not as numbers that shift when an enum grows.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddMailRelayOpenApi();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        // App Runner terminates TLS in front of us: trust its X-Forwarded-Proto so redirects stay https.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication MapMailRelay(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Static files before routing, so the not-found page (a catch-all route) never shadows them.
        app.UseStaticFiles();
        app.UseMailRelayRequestLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authorization: 401 and 403 come first; every state-changing cookie request then needs the token.
        app.UseMiddleware<CookieAntiforgery>();

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapMailRelayApi();
        app.MapMailRelayOpenApi();
        app.MapGmailConnectEndpoints();
        app.MapMtaStsPolicy();
        // SecurityHeaders sends the whole CSP, frame-ancestors 'none' included; the framework's own would be a second header.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .WithCircuitTransport(app.Services.GetRequiredService<IOptions<HostingOptions>>().Value);
        return app;
    }
}
