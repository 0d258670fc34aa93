namespace MlaFlow.Silo.Exchange;

/// <summary>A peer node did not answer, after the retries.</summary>
public sealed class PeerUnreachableException(string message, Exception inner) : Exception(message, inner);
