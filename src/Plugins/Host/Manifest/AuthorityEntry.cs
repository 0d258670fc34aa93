using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Host.Manifest;

/// <summary>A central authority of the plugin's state and the languages it accepts.</summary>
public sealed record AuthorityEntry(AuthorityId Id, string Name, IReadOnlyList<LanguageCode> Languages);
