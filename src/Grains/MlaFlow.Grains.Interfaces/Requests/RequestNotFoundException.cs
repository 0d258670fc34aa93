using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>No request has the given id.</summary>
[GenerateSerializer]
public sealed class RequestNotFoundException(string requestId) : Exception($"There is no request {requestId}.");
