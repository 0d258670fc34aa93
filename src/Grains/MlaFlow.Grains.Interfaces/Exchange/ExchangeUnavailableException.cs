namespace MlaFlow.Grains.Exchange;

/// <summary>The recipient's node could not be reached, or did not answer with a receipt this node can trust: try again later.</summary>
public sealed class ExchangeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
