using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Hpke;

/// <summary>The recipient's end of a setup (RFC 9180 §5.2): opens messages in the order they were sealed.</summary>
public sealed class HpkeRecipientContext : HpkeContext
{
    internal HpkeRecipientContext(HpkeSuite suite, LabeledHkdf kdf, AeadAlgorithm aead, ScheduledSecrets secrets)
        : base(suite, kdf, aead, secrets)
    {
    }

    /// <summary>Opens the next message; a message that does not open does not consume a sequence number.</summary>
    /// <exception cref="HpkeOpenException">The ciphertext or <paramref name="aad"/> is not what was sealed, or it was sealed for another setup or position.</exception>
    /// <exception cref="NotSupportedException">The suite's AEAD is export-only.</exception>
    /// <exception cref="HpkeMessageLimitException">Every nonce has been used.</exception>
    /// <exception cref="ObjectDisposedException">The context was disposed.</exception>
    public byte[] Open(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext) => OpenNext(aad, ciphertext);
}
