using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>A request with this id already exists with other content; nothing was changed.</summary>
[GenerateSerializer]
public sealed class RequestAlreadyExistsException(string requestId) : Exception($"Request {requestId} already exists with other content.");
