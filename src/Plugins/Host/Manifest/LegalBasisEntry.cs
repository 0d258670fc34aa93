using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Host.Manifest;

/// <summary>
/// A treaty in force for the plugin's state: with which states, for which kinds of request, and its own
/// periods. <paramref name="Confirmed"/> false marks a fact the authority has yet to confirm.
/// </summary>
public sealed record LegalBasisEntry(
    string Id, string Name, IReadOnlyList<CountryCode> Partners, IReadOnlySet<RequestKind> Kinds, bool Confirmed, Periods? Periods);
