using MlaFlow.Gateway;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains;
using MlaFlow.Plugins.Host;
using MlaFlow.Runtime.Hosting;
using MlaFlow.Runtime.Storage;

namespace MlaFlow.Silo.Hosting;

/// <summary>Builds a node: storage, grain runtime, grains, the authorities' keys and the co-hosted Gateway.</summary>
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

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(Options(args));
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var node = NodeSettings.From(builder.Configuration);
        var exchange = ExchangeSettings.From(builder.Configuration);
        // The process's own command line, not args: it is what shell history and process listings keep. (A test host
        // hands its settings to Main as args that were never on a command line.)
        var keys = NodeKeys.Open(builder.Configuration, Environment.GetCommandLineArgs().Skip(1), node);
        var signingKey = SigningKeyStore.Load(builder.Configuration, node.DataPath);
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddMlaFlowRuntime(node.OpenDatabase(), options => builder.Configuration.GetSection(RuntimeOptions.Section).Bind(options));
        builder.Services.AddMlaFlowGrains();
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
