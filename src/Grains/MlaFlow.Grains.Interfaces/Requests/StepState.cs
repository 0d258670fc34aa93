namespace MlaFlow.Grains.Requests;

/// <summary>How an open step waits.</summary>
public enum StepState
{
    /// <summary>For what the step waits for: a person, a message, a signal or a time.</summary>
    Waiting,

    /// <summary>It failed (plugin code threw, say): an officer retries it or routes it to an outcome.</summary>
    Faulted,
}
