using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>The request's workflow never had the step a task id names; nothing changed.</summary>
[GenerateSerializer]
public sealed class TaskNotFoundException(string message) : Exception(message);
