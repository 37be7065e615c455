using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Configuration;

public static class SectionBinding
{
    /// <summary>
    /// Like <c>BindConfiguration</c>, and validated at start; a value the binder cannot convert is
    /// a validation failure naming its key and expected form (<see cref="BindingFailures"/>),
    /// reported at start with the validators' sentences rather than thrown as the binder's exception.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSection<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Configure<IConfiguration>((options, configuration) => Bind(builder.Name, options, configuration.GetSection(section)));
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp =>
            new ConfigurationChangeTokenSource<TOptions>(builder.Name, sp.GetRequiredService<IConfiguration>()));
        return builder.ValidateOnStart();
    }

    private static void Bind<TOptions>(string? name, TOptions options, IConfigurationSection section) where TOptions : class
    {
        IReadOnlyList<string> failures;
        try
        {
            section.Bind(options);
            return;
        }
        catch (InvalidOperationException e)
        {
            // Every value that does not convert, each with its key and expected form; for a shape
            // BindingFailures does not walk, the binder's own sentence, which names the key.
            failures = BindingFailures.Of(section, typeof(TOptions)) is { Count: > 0 } found ? found : [e.Message];
        }
        throw new OptionsValidationException(name ?? Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), failures);
    }
}
