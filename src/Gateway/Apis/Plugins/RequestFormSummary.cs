using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Apis.Plugins;

/// <summary>What a request of one kind to one state must contain: the languages it may be in, the bases it may rely on, and the state's rules.</summary>
public sealed record RequestFormSummary(
    string Country, RequestKind Kind, IReadOnlyList<string> RequestLanguages, IReadOnlyList<LegalBasisSummary> LegalBases, bool Reciprocity, IReadOnlyList<FormRuleSummary> Rules);

public sealed record FormRuleSummary(string Id, string Message);
