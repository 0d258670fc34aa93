using Microsoft.Extensions.Options;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// How a node reads a settings section: bound to its options class and checked by its validator, once while the node
/// is built — so a bad value stops it before anything is opened, with every problem named by its key — and again by
/// <c>ValidateOnStart</c>, as every options class of the node is.
/// </summary>
internal static class SettingsSection
{
    /// <summary>The section bound and validated.</summary>
    /// <exception cref="InvalidOperationException">The validator refused it; the message holds every failure.</exception>
    public static TOptions Read<TOptions>(IConfiguration configuration, string section, IValidateOptions<TOptions> validator)
        where TOptions : class, new()
    {
        var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? throw new InvalidOperationException(string.Join(" ", result.Failures)) : options;
    }

    /// <summary>Registers <typeparamref name="TOptions"/> bound to <paramref name="section"/>, checked by <paramref name="validator"/> when the node starts.</summary>
    public static IServiceCollection AddValidated<TOptions>(this IServiceCollection services, IConfiguration configuration, string section, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton(validator);
        return services;
    }
}
