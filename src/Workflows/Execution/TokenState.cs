namespace MlaFlow.Workflows.Execution;

/// <summary>Why a token rests at its step between calls: it waits for something, or its step failed.</summary>
public enum TokenState
{
    Waiting,

    /// <summary>The step threw; an officer retries it or routes the token to an outcome.</summary>
    Faulted,
}
