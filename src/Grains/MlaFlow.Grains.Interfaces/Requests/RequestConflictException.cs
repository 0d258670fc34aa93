using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// The request cannot take the operation as it stands now — its workflow has ended, the task was completed already,
/// no step awaits the signal, a migration maps a step nowhere — and the message says why. Nothing changed.
/// </summary>
[GenerateSerializer]
public sealed class RequestConflictException(string message) : Exception(message);
