namespace MlaFlow.Plugins.Host.Manifest;

/// <summary>
/// The manifest's <c>assembly</c>: the plugin's own .NET assembly and what it provides. Listing every custom step
/// and validator by name keeps what runs on requests visible in the manifest, and lets the loader refuse an
/// assembly that provides less, or more, than its manifest says.
/// </summary>
/// <param name="File">The assembly's file name in the plugin folder (<c>MlaFlow.Samples.WatchList.dll</c>).</param>
/// <param name="Steps">The custom step handlers it provides, by name.</param>
/// <param name="Validators">The request validators it provides, by name.</param>
public sealed record AssemblyEntry(string File, IReadOnlyList<string> Steps, IReadOnlyList<string> Validators);
