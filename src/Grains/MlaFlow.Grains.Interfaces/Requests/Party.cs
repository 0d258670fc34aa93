using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>One side of a request: a state and its central authority.</summary>
public sealed record Party(CountryCode State, AuthorityId Authority);
