using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Hosting;

public static class StartupBanner
{
    /// <summary>
    /// Runs the app. Bad configuration stops it with the validators' sentences (exit code 1)
    /// rather than a stack trace; once it listens, the URL is printed for a human to click.
    /// </summary>
    public static async Task<int> RunMailRelayAsync(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) Console.WriteLine($"MailRelay is running at {address}");
        });
        try
        {
            // Every section at once, before a hosted service resolves an adapter and stops at its first bad setting.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            return ConfigurationRefused(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return ConfigurationRefused(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures));
        }
    }

    private static int ConfigurationRefused(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("MailRelay cannot start because of its configuration:");
        foreach (var failure in failures.Distinct()) Console.Error.WriteLine($"  - {failure}");
        return 1;
    }
}
