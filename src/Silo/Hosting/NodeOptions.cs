namespace MlaFlow.Silo.Hosting;

/// <summary>Configuration section <c>MlaFlow</c>: what a node is (<see cref="NodeSettings"/> holds it resolved).</summary>
public sealed class NodeOptions
{
    public const string Section = "MlaFlow";

    /// <summary>The data folder; <c>./data</c> of the folder the node starts from when not set.</summary>
    public string? DataPath { get; set; }

    /// <summary>The central authorities served; the demo pair when none is set (an array, so configured ones replace the pair rather than join it).</summary>
    public string[]? Authorities { get; set; }

    public PluginsOptions Plugins { get; set; } = new();

    /// <summary>Section <c>MlaFlow:Plugins</c>.</summary>
    public sealed class PluginsOptions
    {
        /// <summary>The folder of country plugins; <c>plugins</c> beside the executable when not set.</summary>
        public string? Path { get; set; }
    }
}
