using MlaFlow.Workflows.Loading;

namespace MlaFlow.Plugins.Host;

/// <summary>One plugin folder, loaded (no problems) or refused (every problem, each naming its file and line).</summary>
public sealed record PluginLoadResult(string Folder, CountryPlugin? Plugin, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Succeeded => Plugin is not null;
}
