namespace MlaFlow.Storage;

/// <summary>A state that exposes columns stored beside its JSON, so lists and filters need no JSON parsing.</summary>
public interface IQueryableState
{
    StateColumns Columns { get; }
}
