using MlaFlow.Gateway;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains;
using MlaFlow.Plugins.Host;
using MlaFlow.Runtime.Hosting;
using MlaFlow.Runtime.Storage;

namespace MlaFlow.Silo.Hosting;

/// <summary>Builds a node: storage, grain runtime, grains and the co-hosted Gateway.</summary>
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
        var signingKey = SigningKeyStore.Load(builder.Configuration, node.DataPath);
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddMlaFlowRuntime(node.OpenDatabase(), options => builder.Configuration.GetSection(RuntimeOptions.Section).Bind(options));
        builder.Services.AddMlaFlowGrains();
        builder.Services.AddSingleton(new ServedAuthorities(node.Authorities));
        builder.Services.AddSingleton(PluginCatalog.Load(node.PluginsPath));
        builder.Services.AddHostedService<PluginReport>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        builder.Services.AddMlaFlowGateway(new TokenSettings(signingKey.Bytes), node.Authorities);
        builder.Services.AddHostedService<StartupBanner>();

        var app = builder.Build();
        app.UseMlaFlowGateway();
        return app;
    }
}
