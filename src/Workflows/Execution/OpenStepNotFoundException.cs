namespace MlaFlow.Workflows.Execution;

/// <summary>No open step has the given number in the instance (never had, or already left); nothing changed.</summary>
public sealed class OpenStepNotFoundException(int tokenId) : Exception($"There is no open step #{tokenId} in this workflow.")
{
    public int TokenId { get; } = tokenId;
}
