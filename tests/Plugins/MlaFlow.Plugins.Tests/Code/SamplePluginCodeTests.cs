using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using MlaFlow.Plugins.Host.Code;
using MlaFlow.Plugins.Host.Loading;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Testing;

namespace MlaFlow.Plugins.Tests.Code;

/// <summary>
/// The sample plugin's assembly (samples/plugins/watch-list) loads as plugin code must: in a collectible context of
/// its own, sharing only the SDK with the node, providing exactly what its manifest lists, and unloading when
/// its catalog is disposed.
/// </summary>
public sealed class SamplePluginCodeTests
{
    [Fact]
    public void the_sample_loads_with_the_step_and_validator_its_manifest_lists()
    {
        var result = PluginLoader.Load(SamplePlugin.Folder);

        result.Problems.ShouldBeEmpty();
        using var code = result.Plugin.ShouldNotBeNull().Code;
        code.Steps.Keys.ShouldBe(["watch-list-screening"]);
        code.Steps["watch-list-screening"].Outcomes.ShouldBe(["clear", "match"]);
        code.Validators.Select(v => v.Name).ShouldBe(["plausible-dates-of-birth"]);
    }

    [Fact]
    public void plugin_code_runs_in_a_collectible_context_of_its_own_and_shares_the_sdk_with_the_node()
    {
        var result = PluginLoader.Load(SamplePlugin.Folder);
        using var code = result.Plugin.ShouldNotBeNull().Code;

        var context = AssemblyLoadContext.GetLoadContext(code.Steps["watch-list-screening"].GetType().Assembly).ShouldNotBeNull();
        context.Name.ShouldBe("plugin:xa-sample");
        context.IsCollectible.ShouldBeTrue();
        context.Assemblies.ShouldNotContain(a => a.GetName().Name == typeof(ICustomStep).Assembly.GetName().Name);
        AssemblyLoadContext.GetLoadContext(typeof(ICustomStep).Assembly).ShouldBe(AssemblyLoadContext.Default);
    }

    [Fact]
    public void plugin_code_may_load_the_sdk_and_dotnet_but_no_other_assembly_of_the_node()
    {
        var context = new PluginLoadContext("test", Path.Combine(SamplePlugin.Folder, "MlaFlow.Samples.WatchList.dll"));
        try
        {
            context.MayLoad(typeof(ICustomStep).Assembly.GetName()).ShouldBeTrue();
            context.MayLoad(typeof(JsonObject).Assembly.GetName()).ShouldBeTrue();
            context.MayLoad(new AssemblyName("MlaFlow.Samples.WatchList")).ShouldBeTrue();
            context.MayLoad(typeof(PluginLoader).Assembly.GetName()).ShouldBeFalse();
            context.MayLoad(typeof(NodaTime.Instant).Assembly.GetName()).ShouldBeFalse();

            var refused = Should.Throw<FileNotFoundException>(() => context.LoadFromAssemblyName(typeof(NodaTime.Instant).Assembly.GetName()));
            (refused.InnerException ?? refused).Message.ShouldBe("Plugin code may use the MlaFlow SDK, .NET itself and assemblies in its own folder; 'NodaTime' is none of these.");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void disposing_the_catalog_unloads_the_plugin_code()
    {
        using var plugins = SamplePlugin.CopyWith();
        var context = LoadAndDispose(plugins);

        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        context.IsAlive.ShouldBeFalse("The plugin's load context was not collected after its catalog was disposed.");
    }

    // Not inlined, so no reference to the plugin's objects outlives this frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndDispose(PluginsFolder plugins)
    {
        var catalog = plugins.Load();
        var step = catalog.Plugins.ShouldHaveSingleItem().Code.Steps["watch-list-screening"];
        var context = new WeakReference(AssemblyLoadContext.GetLoadContext(step.GetType().Assembly));
        catalog.Dispose();
        return context;
    }
}
