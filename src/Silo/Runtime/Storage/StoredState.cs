namespace MlaFlow.Runtime.Storage;

/// <summary>A state as read from its row, with the ETag to write it back with.</summary>
public sealed record StoredState<TState>(TState State, string ETag);
