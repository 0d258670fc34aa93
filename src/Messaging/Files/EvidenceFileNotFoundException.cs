namespace MlaFlow.Messaging.Files;

/// <summary>No complete evidence file (or no key for it) of that id is kept on this node.</summary>
public sealed class EvidenceFileNotFoundException(string id, Exception? innerException = null)
    : Exception($"Evidence file {id} is not stored on this node.", innerException)
{
    /// <summary>The id asked for.</summary>
    public string Id { get; } = id;
}
