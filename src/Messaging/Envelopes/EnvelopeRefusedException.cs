namespace MlaFlow.Messaging.Envelopes;

/// <summary>An envelope refused, with the reason for the receipt and a message for the logs (never key material or plaintext).</summary>
public sealed class EnvelopeRefusedException(EnvelopeRefusal reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public EnvelopeRefusal Reason { get; } = reason;
}
