using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>A task was completed by someone whose role it is not given to; nothing changed.</summary>
[GenerateSerializer]
public sealed class TaskNotForRoleException(string task, string taskRole, string actorRole)
    : Exception($"Task '{task}' is for the {taskRole}, not the {actorRole}.");
