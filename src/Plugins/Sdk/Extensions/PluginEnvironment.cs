namespace MlaFlow.Plugins.Sdk.Extensions;

/// <summary>
/// Given to a custom step's or validator's constructor when it takes one: where the plugin is and whose it is,
/// so the code can read files the authority keeps beside its plugin.json.
/// </summary>
/// <param name="Folder">The plugin's folder, full path.</param>
/// <param name="Country">The state the plugin serves.</param>
public sealed record PluginEnvironment(string Folder, CountryCode Country);
