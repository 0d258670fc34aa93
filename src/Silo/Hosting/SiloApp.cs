using MlaFlow.Gateway;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains;
using MlaFlow.Plugins.Host;
using MlaFlow.Storage;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Builds a node: an Orleans silo (clustering, MlaFlow's storage and reminders, the grains), the authorities' keys and
/// the co-hosted Gateway. Every setting is read through its options class and validator first, so a bad one stops the
/// node before anything is opened, with a message naming the key.
/// </summary>
public static class SiloApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The node's settings files live beside its executable, wherever it is started from; an explicit
    /// <c>--contentRoot</c> (as test hosts pass) still wins.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
    };

    /// <exception cref="InvalidOperationException">A setting is invalid; the message names each key concerned.</exception>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(Options(args));
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var configuration = builder.Configuration;
        // The process's own command line, not args: it is what shell history and process listings keep. (A test host
        // hands its settings to Main as args that were never on a command line.)
        var commandLine = Environment.GetCommandLineArgs().Skip(1).ToList();
        var node = NodeSettings.From(configuration);
        var cluster = SettingsSection.Read(configuration, ClusterNodeOptions.Section, new ClusterNodeOptions.Validator());
        var exchange = ExchangeSettings.From(configuration);
        var keys = NodeKeys.Open(configuration, commandLine, node);
        var signingKey = SigningKeyStore.Load(configuration, node.DataPath);

        builder.Services
            .AddValidated(configuration, NodeOptions.Section, new NodeOptionsValidator())
            .AddValidated(configuration, ClusterNodeOptions.Section, new ClusterNodeOptions.Validator())
            .AddValidated(configuration, ExchangeOptions.Section, new ExchangeOptionsValidator())
            .AddValidated(configuration, KeysOptions.Section, new KeysOptionsValidator(commandLine))
            .AddValidated(configuration, AuthOptions.Section, new AuthOptions.Validator());
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(signingKey);
        builder.UseOrleans(silo => silo.UseMlaFlow(node, cluster, configuration.GetSection(ClusterNodeOptions.MembershipSection)));
        builder.Services.AddSingleton(new ServedAuthorities(node.Authorities));
        builder.Services.AddSingleton(PluginCatalog.Load(node.PluginsPath));
        builder.Services.AddHostedService<PluginReport>();
        builder.Services.AddMlaFlowExchange(keys, exchange, node.DataPath);
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.AddMlaFlowGateway(new TokenSettings(signingKey.Bytes), node.Authorities);
        builder.Services.AddHostedService<StartupBanner>();

        var app = builder.Build();
        app.UseMlaFlowGateway();
        return app;
    }
}
